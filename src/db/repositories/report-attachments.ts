import type { Kysely } from 'kysely';
import type { ReportAttachment } from '../../core/report.js';
import { prepare } from '../prepared.js';
import { type Database, toDate } from '../schema.js';

/** Read with every report lookup: prepared once (see prepared.ts). */
const attachmentsOf = prepare((db, p) =>
  db
    .selectFrom('report_attachments')
    .innerJoin('users', 'users.id', 'report_attachments.uploaded_by')
    .select([
      'report_attachments.id',
      'report_attachments.name',
      'report_attachments.content_type',
      'report_attachments.size',
      'report_attachments.uploaded_at',
      'users.username',
      'users.name as user_name',
    ])
    .where('report_attachments.report_number', '=', p('number'))
    .orderBy('report_attachments.position'),
);

export interface NewAttachment {
  id: string;
  reportNumber: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: string;
}

/** Files on a report: the row says what and whose; the bytes live in the attachment storage. */
export class ReportAttachmentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async of(number: string): Promise<ReportAttachment[]> {
    const rows = await attachmentsOf.execute(this.db, { number });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      contentType: row.content_type,
      size: Number(row.size),
      uploadedAt: toDate(row.uploaded_at),
      uploadedBy: { username: row.username, name: row.user_name },
    }));
  }

  /** Call after the report's update, which holds its row while the position is taken. */
  async insert(attachment: NewAttachment): Promise<void> {
    const last = await this.db
      .selectFrom('report_attachments')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('report_number', '=', attachment.reportNumber)
      .executeTakeFirst();
    await this.db
      .insertInto('report_attachments')
      .values({
        id: attachment.id,
        report_number: attachment.reportNumber,
        position: Number(last?.last ?? 0) + 1,
        name: attachment.name,
        content_type: attachment.contentType,
        size: attachment.size,
        sha256: attachment.sha256,
        uploaded_at: attachment.uploadedAt.toISOString(),
        uploaded_by: attachment.uploadedBy,
      })
      .execute();
  }

  /** One attachment of one report: an id from another report is not found. */
  async find(
    number: string,
    id: string,
  ): Promise<{ name: string; contentType: string; size: number; sha256: string } | undefined> {
    const row = await this.db
      .selectFrom('report_attachments')
      .select(['name', 'content_type', 'size', 'sha256'])
      .where('report_number', '=', number)
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      row && { name: row.name, contentType: row.content_type, size: Number(row.size), sha256: row.sha256 }
    );
  }
}

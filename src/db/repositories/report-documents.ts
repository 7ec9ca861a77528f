import type { Kysely } from 'kysely';
import type { RequestedDocument } from '../../core/report.js';
import { prepare } from '../prepared.js';
import { type Database, toDate, toDateOrNull } from '../schema.js';

/** Read with every report lookup: prepared once (see prepared.ts). */
const documentsOf = prepare((db, p) =>
  db
    .selectFrom('report_documents')
    .select(['id', 'item', 'requested_at', 'received_at'])
    .where('report_number', '=', p('number'))
    .orderBy('position'),
);

/** The checklist of documents asked of the customer, one row per item. */
export class ReportDocumentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async of(number: string): Promise<RequestedDocument[]> {
    const rows = await documentsOf.execute(this.db, { number });
    return rows.map((row) => ({
      id: row.id,
      item: row.item,
      requestedAt: toDate(row.requested_at),
      receivedAt: toDateOrNull(row.received_at),
    }));
  }

  /** Appends to the checklist. Call after the report's update, which holds its row. */
  async add(
    number: string,
    items: { id: string; item: string }[],
    requestedBy: string,
    at: Date,
  ): Promise<void> {
    const last = await this.db
      .selectFrom('report_documents')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('report_number', '=', number)
      .executeTakeFirst();
    const after = Number(last?.last ?? 0);
    await this.db
      .insertInto('report_documents')
      .values(
        items.map(({ id, item }, index) => ({
          id,
          report_number: number,
          item,
          position: after + index + 1,
          requested_at: at.toISOString(),
          requested_by: requestedBy,
        })),
      )
      .execute();
  }

  async find(number: string, id: string): Promise<RequestedDocument | undefined> {
    const row = await this.db
      .selectFrom('report_documents')
      .select(['id', 'item', 'requested_at', 'received_at'])
      .where('report_number', '=', number)
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        item: row.item,
        requestedAt: toDate(row.requested_at),
        receivedAt: toDateOrNull(row.received_at),
      }
    );
  }

  /** False when it was already marked received (by someone else, or an earlier retry). */
  async markReceived(number: string, id: string, receivedBy: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('report_documents')
      .set({ received_at: at.toISOString(), received_by: receivedBy })
      .where('report_number', '=', number)
      .where('id', '=', id)
      .where('received_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

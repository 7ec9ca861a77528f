import type { Kysely } from 'kysely';
import { searchKey } from '../../core/normalize.js';

/**
 * The back office: who a report is assigned to, the documents asked of the customer, the files
 * attached to a report, and the indexes the queue views read.
 *
 * `search_text` is the description as the queue's free-text search compares it (lowercase,
 * accents removed, see core/normalize.ts), so "facturacion" finds "facturación" on both
 * dialects without a dialect-specific collation. Reports filed before this migration get it
 * here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('reports')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('reports').addColumn('search_text', 'text').execute();

  const reports = db as unknown as Kysely<{
    reports: { number: string; description: string; search_text: string | null };
  }>;
  for (;;) {
    const batch = await reports
      .selectFrom('reports')
      .select(['number', 'description'])
      .where('search_text', 'is', null)
      .orderBy('number')
      .limit(1000)
      .execute();
    if (batch.length === 0) break;
    for (const row of batch) {
      await reports
        .updateTable('reports')
        .set({ search_text: searchKey(row.description) })
        .where('number', '=', row.number)
        .execute();
    }
  }

  await db.schema
    .createTable('report_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_number', 'text', (c) => c.notNull().references('reports.number'))
    .addColumn('item', 'text', (c) => c.notNull())
    // The checklist's order: as asked, across requests.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('received_at', 'timestamptz')
    .addColumn('received_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('report_documents_report')
    .on('report_documents')
    .columns(['report_number', 'position'])
    .execute();

  await db.schema
    .createTable('report_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_number', 'text', (c) => c.notNull().references('reports.number'))
    // In upload order (two uploads in the same millisecond included).
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema
    .createIndex('report_attachments_report')
    .on('report_attachments')
    .columns(['report_number', 'position'])
    .execute();

  // The queue views: a department's queue by status, someone's own work, every open report
  // (agents and admins see all departments), each in promise order; everything in promise
  // order; and filings by date.
  // Status sits before due_at so the open reports of a department are a few index ranges
  // instead of a walk past years of closed ones.
  await db.schema
    .createIndex('reports_queue_department')
    .on('reports')
    .columns(['department_code', 'status', 'due_at', 'number'])
    .execute();
  await db.schema
    .createIndex('reports_queue_assignee')
    .on('reports')
    .columns(['assignee_id', 'status', 'due_at', 'number'])
    .execute();
  await db.schema
    .createIndex('reports_queue_status')
    .on('reports')
    .columns(['status', 'due_at', 'number'])
    .execute();
  await db.schema.createIndex('reports_due').on('reports').columns(['due_at', 'number']).execute();
  await db.schema.createIndex('reports_created').on('reports').columns(['created_at', 'number']).execute();
  // Superseded by reports_queue_department, and worse than useless beside it: without
  // statistics SQLite prefers it for "this department's open reports" and walks years of
  // closed ones in promise order before reaching the first open one.
  await db.schema.dropIndex('reports_department_due').execute();
  await db.schema.createIndex('customers_colonia').on('customers').column('colonia').execute();
}

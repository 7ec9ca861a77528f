import type { Kysely } from 'kysely';

/**
 * The notice outbox: each e-mail or SMS to a customer is written here in the same transaction
 * as the change it tells about, so a notice exists exactly when the change committed, and a
 * worker apart from the request delivers it (a slow or failing mail server never holds up
 * filing). `claimed_by`/`claimed_until` are a lease: the worker that claimed a row sends it,
 * and a row whose worker died is claimed again once the lease runs out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notice_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_number', 'text', (c) => c.notNull().references('reports.number'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'timestamptz')
    .execute();
  // The worker's one question: which notices are due now.
  await db.schema
    .createIndex('notice_outbox_due')
    .on('notice_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notice_outbox_report')
    .on('notice_outbox')
    .columns(['report_number', 'created_at'])
    .execute();
}

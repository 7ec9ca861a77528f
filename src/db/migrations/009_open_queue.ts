import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialects/detect.js';

/**
 * The queue everyone starts from is "the reports still to be worked" (new, assigned, in
 * progress, waiting on the customer) in promise order. As four statuses, no index gives them in
 * due order: the database read every open report of the department and sorted them to show
 * fifty. `is_open` (1 for those four statuses, 0 otherwise) is computed by the database from
 * `status`, so no write can forget it, and the indexes below give the open reports of a
 * department, or of all departments, already in promise order: a page is fifty index entries.
 *
 * SQLite computes it on read (a virtual column, which its indexes store); PostgreSQL stores it
 * (it has no virtual columns; adding it rewrites the table once).
 */
const OPEN = sql`case when status in ('new', 'assigned', 'in_progress', 'waiting_customer') then 1 else 0 end`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('reports')
    .addColumn('is_open', 'integer', (column) => {
      const generated = column.generatedAlwaysAs(OPEN);
      return dialectOf(db) === 'sqlite' ? generated : generated.stored();
    })
    .execute();
  await db.schema
    .createIndex('reports_open_department')
    .on('reports')
    .columns(['department_code', 'is_open', 'due_at', 'number'])
    .execute();
  await db.schema
    .createIndex('reports_open')
    .on('reports')
    .columns(['is_open', 'due_at', 'number'])
    .execute();
}

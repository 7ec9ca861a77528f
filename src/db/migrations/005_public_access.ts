import type { Kysely } from 'kysely';

/**
 * Customers' own access: a hit log for rate limits (in the database, so several server
 * processes share one limit), and the system account that files self-service reports.
 */
export const SELF_SERVICE_USER_ID = '00000000-0000-4000-8000-00000000c0de';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_hits_subject')
    .on('rate_limit_hits')
    .columns(['bucket', 'subject', 'at'])
    .execute();

  const now = new Date().toISOString();
  // Disabled, no roles, and a hash no password verifies against: it can never sign in.
  await (db as Kysely<{ users: Record<string, string | number> }>)
    .insertInto('users')
    .values({
      id: SELF_SERVICE_USER_ID,
      username: 'autoservicio',
      name: 'Autoservicio web',
      password_hash: '!',
      roles: '[]',
      must_change_password: 0,
      disabled: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

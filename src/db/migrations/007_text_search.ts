import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialects/detect.js';

/**
 * Indexes for the queue's free-text search (`q`: words of the description, `reports.search_text`,
 * and of the customer's name, `customers.search_name`), which until now read every row with
 * `LIKE '%term%'`. Both columns hold text already normalised by `searchKey` (lowercase, no
 * accents), so the indexes only have to find substrings; see src/db/text-search.ts for the
 * queries that use them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sqliteIndexes(db);
  else await postgresIndexes(db);
}

/**
 * FTS5 tables with the trigram tokenizer: a phrase of 3+ characters matches exactly the rows
 * where it occurs as a substring, which is what `LIKE '%term%'` did.
 *
 * External content (`content='reports'`) rather than contentless: the text is stored once, in
 * the table it belongs to, and `rebuild` can re-derive the whole index from it at any time (this
 * migration's backfill, or a repair). The key is the tables' implicit rowid (neither has an
 * integer primary key: report and customer numbers are text). VACUUM keeps the rowids of a table
 * that has an index, and both have their primary key's (src/db/text-search.test.ts checks it).
 *
 * Triggers keep each index in step with every write, the server's and anything writing the file
 * directly (bench/seed.ts). An external-content index must be told the old text to forget a row,
 * which the triggers have in `old`; the update triggers fire only when the text changed, so the
 * frequent status updates of a report never touch the index.
 *
 * Kysely runs SQLite migrations outside a transaction, so every statement here can run again
 * after an interruption (`if not exists`, and `rebuild` starts from scratch).
 */
async function sqliteIndexes(db: Kysely<unknown>): Promise<void> {
  for (const [table, column, index] of [
    ['reports', 'search_text', 'reports_search'],
    ['customers', 'search_name', 'customers_search'],
  ]) {
    for (const statement of [
      `create virtual table if not exists ${index} using fts5(${column}, content='${table}', content_rowid='rowid', tokenize='trigram')`,
      `create trigger if not exists ${index}_insert after insert on ${table} begin
         insert into ${index} (rowid, ${column}) values (new.rowid, new.${column});
       end`,
      `create trigger if not exists ${index}_delete after delete on ${table} begin
         insert into ${index} (${index}, rowid, ${column}) values ('delete', old.rowid, old.${column});
       end`,
      `create trigger if not exists ${index}_update after update of ${column} on ${table}
       when old.${column} is not new.${column} begin
         insert into ${index} (${index}, rowid, ${column}) values ('delete', old.rowid, old.${column});
         insert into ${index} (rowid, ${column}) values (new.rowid, new.${column});
       end`,
      // The backfill: every row already there, read from the table itself.
      `insert into ${index} (${index}) values ('rebuild')`,
    ])
      await sql.raw(statement).execute(db);
  }
}

/**
 * pg_trgm's GIN indexes serve a plain `LIKE '%term%'` (3+ characters), so the queries stay the
 * same SQL as before. Without the extension the migration fails, and the server does not start,
 * with a message saying what to run: an index skipped with a warning would stay missing for
 * good (this migration is recorded as done) while the queue quietly reads every report.
 * pg_trgm ships with PostgreSQL (the contrib package) and is a trusted extension since
 * PostgreSQL 13, so the database's owner can create it; only older servers need a superuser.
 */
async function postgresIndexes(db: Kysely<unknown>): Promise<void> {
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Folio needs the PostgreSQL extension pg_trgm for its text search, and could not create it (${reason}). ` +
        'Install PostgreSQL\'s contrib package if the server lacks it, then run "CREATE EXTENSION pg_trgm;" in ' +
        "Folio's database as its owner or a superuser, and start Folio again.",
      { cause: error },
    );
  }
  await sql`create index reports_search_text_trgm on reports using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index customers_search_name_trgm on customers using gin (search_name gin_trgm_ops)`.execute(
    db,
  );
}

import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * What differs between the embedded SQLite and a PostgreSQL server lives behind this one
 * interface (STYLE.md §5); nothing outside `src/db/dialects/` knows which one runs.
 */
export interface FolioDialect {
  readonly name: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /**
   * For the queue's reads, when they run on other threads (SQLite on a file: read threads);
   * otherwise `db` serves them. Read-only, and a read may not see a write of `db`'s open
   * transaction, only committed ones.
   */
  readonly reads?: Kysely<Database>;
}

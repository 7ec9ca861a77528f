import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * What differs between the embedded SQLite and a PostgreSQL server lives behind this one
 * interface (STYLE.md §5); nothing outside `src/db/dialects/` knows which one runs.
 */
export interface FolioDialect {
  readonly name: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
}

import { type Kysely, SqliteAdapter } from 'kysely';
import type { FolioDialect } from './dialect.js';

/**
 * Which database a Kysely instance talks to, for the few places under `src/db/` that are handed
 * only the instance (a migration, a query builder given `ctx.db`) and must write SQL that
 * differs: the adapter is the dialect's own, and a transaction shares its parent's.
 */
export function dialectOf<DB>(db: Kysely<DB>): FolioDialect['name'] {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

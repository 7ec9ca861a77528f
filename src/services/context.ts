import type { Kysely } from 'kysely';
import type { NoticeChannel } from '../core/notices.js';
import type { FolioDialect } from '../db/dialects/dialect.js';
import type { Database } from '../db/schema.js';

/**
 * What every use case is given: the database and the clock. The clock is a function so tests
 * (and the promise watch, later) can set the time; nothing in a use case reads the system
 * time directly.
 */
export interface ServiceContext {
  db: Kysely<Database>;
  /** Where the queue's reads run when not on `db` (FolioDialect.reads): read threads. */
  reads?: Kysely<Database>;
  now: () => Date;
  sessionIdleMs: number;
  /** The notice channels that are configured (unset: queue both e-mail and SMS). */
  noticeChannels?: readonly NoticeChannel[];
}

/** The database of a context: the dialect's connection, and its read threads where it has them. */
export function databaseOf(dialect: FolioDialect): Pick<ServiceContext, 'db' | 'reads'> {
  return dialect.reads ? { db: dialect.db, reads: dialect.reads } : { db: dialect.db };
}

import { type Kysely, type MigrationProvider, Migrator, sql } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import type { FolioDialect } from './dialects/dialect.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export { startBackgroundCheckpoints } from './dialects/sqlite-checkpoints.js';
export type { FolioDialect };

export function openDatabase(config: DatabaseConfig): FolioDialect {
  return config.kind === 'sqlite'
    ? openSqlite(config.file, {
        cacheMb: config.cacheMb,
        mmapMb: config.mmapMb,
        readThreads: config.readThreads,
      })
    : openPostgres(config.url);
}

/** Closes a database opened by `openDatabase` or a dialect's open: its read threads, then its connection. */
export async function closeDatabase(dialect: FolioDialect): Promise<void> {
  await dialect.reads?.destroy();
  await dialect.db.destroy();
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when the database answers a trivial query (used by /health). */
export async function databaseAnswers(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

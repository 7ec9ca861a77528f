import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database.js';
import { DEFAULT_SQLITE_CACHE_MB } from './sqlite.js';

describe('the SQLite connection', () => {
  const cacheKib = async (cacheMb?: number) => {
    const { db } = openDatabase({ kind: 'sqlite', file: ':memory:', ...(cacheMb ? { cacheMb } : {}) });
    try {
      const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
      return rows[0]?.cache_size;
    } finally {
      await db.destroy();
    }
  };

  it('has a page cache of 2 MB, or what FOLIO_SQLITE_CACHE_MB says (negative: KiB)', async () => {
    expect(DEFAULT_SQLITE_CACHE_MB).toBe(2);
    expect(await cacheKib()).toBe(-2 * 1024);
    expect(await cacheKib(128)).toBe(-128 * 1024);
  });
});

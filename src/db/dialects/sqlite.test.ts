import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database.js';
import { DEFAULT_READ_THREADS, DEFAULT_SQLITE_CACHE_MB, DEFAULT_SQLITE_MMAP_MB } from './sqlite.js';

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

  it('has a page cache of 16 MB, or what FOLIO_SQLITE_CACHE_MB says (negative: KiB)', async () => {
    expect(DEFAULT_SQLITE_CACHE_MB).toBe(16);
    expect(await cacheKib()).toBe(-16 * 1024);
    expect(await cacheKib(128)).toBe(-128 * 1024);
  });

  it('reads the file through a memory map of 2 GB, or what FOLIO_SQLITE_MMAP_MB says (0: off)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-mmap-'));
    const mmapBytes = async (mmapMb?: number) => {
      const { db } = openDatabase({
        kind: 'sqlite',
        file: path.join(dir, 'folio.sqlite'),
        ...(mmapMb !== undefined ? { mmapMb } : {}),
      });
      try {
        const { rows } = await sql<{ mmap_size: number }>`pragma mmap_size`.execute(db);
        return rows[0]?.mmap_size;
      } finally {
        await db.destroy();
      }
    };
    try {
      expect(DEFAULT_SQLITE_MMAP_MB).toBe(2048);
      // SQLite caps the map at its compiled maximum (0x7fff0000 bytes, just under 2 GiB).
      expect(await mmapBytes()).toBe(Math.min(2048 * 1024 * 1024, 0x7fff0000));
      expect(await mmapBytes(64)).toBe(64 * 1024 * 1024);
      expect(await mmapBytes(0)).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the queue on a thread per core, at most four', () => {
    expect(DEFAULT_READ_THREADS).toBe(Math.min(4, os.availableParallelism()));
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * FOLIO_WORKERS=2: two server processes share the port and one SQLite file. A session made
 * in one is honoured by the other, and concurrent filings across both never share a number.
 */
const PORT = 3292;
const base = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cluster-'));
let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('several server processes on one database', () => {
  it('share sessions and never give one number twice', { timeout: 120_000 }, async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        PORT: String(PORT),
        FOLIO_DATA_DIR: dataDir,
        FOLIO_WORKERS: '2',
        FOLIO_ADMIN_PASSWORD: 'cluster-admin-password',
        FOLIO_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    server.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    for (let i = 0; i < 300 && !output.includes('2 server processes'); i++)
      await new Promise((r) => setTimeout(r, 200));
    expect(output).toContain('2 server processes');

    const signIn = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agente', password: 'folio-demo-2026' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const reportCount = () => {
      const db = new Sqlite(path.join(dataDir, 'folio.sqlite'), { readonly: true });
      try {
        return db.prepare('select count(*) from reports').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    // The demo reports the first start filed.
    const before = reportCount();
    const numbers: string[] = [];
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 15; i++) {
          // A new connection each time, so the requests spread over both processes.
          const response = await fetch(`${base}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, connection: 'close' },
            body: JSON.stringify({
              customerNumber: '100001',
              channel: 'phone',
              type: 'complaint',
              description: 'Prueba con dos procesos.',
            }),
          });
          statuses.push(response.status);
          if (response.status === 201) numbers.push(((await response.json()) as { number: string }).number);
        }
      }),
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(new Set(numbers).size).toBe(120);
    expect(reportCount()).toBe(before + 120);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * A report number once given is never lost and never reused — also when the server is killed
 * in the middle of filing. This runs the real server as a child process on a SQLite file,
 * kills it with SIGKILL while requests are in flight, starts it again on the same file and
 * checks every number the agents were shown.
 */
const PORT = 3291;
const base = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-durability-'));
let server: ChildProcess | undefined;

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      FOLIO_DATA_DIR: dataDir,
      FOLIO_ADMIN_PASSWORD: 'durability-admin-pw',
      FOLIO_LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

async function signIn(): Promise<string> {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agente', password: 'folio-demo-2026' }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

async function fileOne(cookie: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${base}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        customerNumber: '100001',
        channel: 'phone',
        type: 'complaint',
        description: 'Prueba de durabilidad del folio.',
      }),
    });
    return response.status === 201 ? ((await response.json()) as { number: string }).number : undefined;
  } catch {
    return undefined; // the connection died with the server: the agent was shown nothing
  }
}

afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('report numbers across a killed server', () => {
  it('keeps every number an agent was shown, and never gives one twice', { timeout: 120_000 }, async () => {
    server = await startServer();
    let cookie = await signIn();
    const shown: string[] = [];
    const inFlight = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 200; i++) {
        const number = await fileOne(cookie);
        if (number === undefined) return;
        shown.push(number);
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    server.kill('SIGKILL');
    await Promise.all(inFlight);
    expect(shown.length).toBeGreaterThan(10);

    server = await startServer();
    cookie = await signIn();
    for (let i = 0; i < 20; i++) {
      const number = await fileOne(cookie);
      expect(number).toBeDefined();
      shown.push(number as string);
    }
    server.kill('SIGKILL');
    server = undefined;

    expect(new Set(shown).size).toBe(shown.length);
    const db = new Sqlite(path.join(dataDir, 'folio.sqlite'), { readonly: true });
    const stored = new Set(db.prepare('select number from reports').pluck().all() as string[]);
    db.close();
    for (const number of shown) expect(stored.has(number), number).toBe(true);
  });
});

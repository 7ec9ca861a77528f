import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { UsersRepository } from '../../src/db/repositories/users.js';
import { buildApp } from '../../src/http/app.js';
import { SESSION_COOKIE } from '../../src/http/plugins/auth.js';
import { databaseOf, type ServiceContext } from '../../src/services/context.js';
import { hashPassword } from '../../src/services/passwords.js';
import type { DatabaseKind, TestDatabase } from './databases.js';

export const TEST_PASSWORD = 'test-password-1234';
let testPasswordHash: Promise<string> | undefined;

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current: Date) {}
  now = () => new Date(this.current);
  set(instant: Date | string) {
    this.current = new Date(instant);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Harness {
  app: FastifyInstance;
  ctx: ServiceContext;
  clock: TestClock;
  database: TestDatabase;
  /** A data folder of its own (attachments land here), removed on close. */
  dataDir: string;
  addUser(username: string, roles: string[], departments?: string[]): Promise<void>;
  signIn(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(
  kind: Pick<DatabaseKind, 'open'>,
  start = '2026-11-26T16:00:00Z',
  appOptions: { maxUploadMb?: number } = {},
): Promise<Harness> {
  const database = await kind.open();
  const clock = new TestClock(new Date(start));
  const ctx: ServiceContext = {
    ...databaseOf(database.dialect),
    now: clock.now,
    sessionIdleMs: 8 * 3600_000,
  };
  const dataDir = await mkdtemp(path.join(tmpdir(), 'folio-test-'));
  const app = await buildApp({ ctx, db: database.dialect.db, dataDir, ...appOptions });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    database,
    dataDir,
    async addUser(username, roles, departments = []) {
      testPasswordHash ??= hashPassword(TEST_PASSWORD);
      await new UsersRepository(ctx.db).insert({
        id: randomUUID(),
        username,
        name: `Nombre de ${username}`,
        passwordHash: await testPasswordHash,
        roles,
        departments,
        mustChangePassword: false,
        now: clock.now(),
      });
    },
    async signIn(username, password = TEST_PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
      return sessionCookieOf(response);
    },
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie set');
  return `${SESSION_COOKIE}=${cookie.value}`;
}

export function customerPayload(overrides: Record<string, unknown> = {}) {
  return {
    name: 'María Guadalupe Juárez Hernández',
    phone: '487 873 1703',
    email: 'maria@example.com',
    address: {
      street: 'Centenario',
      number: '322',
      colonia: 'Centro',
      city: 'Rioverde',
      postalCode: '79610',
    },
    billingCycleDay: 12,
    invoices: [
      { number: 'F2609-100001', issuedAt: '2026-09-12' },
      { number: 'F2610-100001', issuedAt: '2026-10-12' },
    ],
    ...overrides,
  };
}

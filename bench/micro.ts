/**
 * In-process cost per request (Fastify inject, SQLite in memory): a quick way to see what a
 * change to a hot path costs before running the full load benchmark.
 *
 *   npx tsx bench/micro.ts            # µs per request for filing, lookup and /health
 *   node --import tsx --cpu-prof --cpu-prof-dir=bench/.data/profiles bench/micro.ts
 */
import { databaseKinds } from '../test/support/databases.js';
import { customerPayload, startHarness } from '../test/support/harness.js';

const kind = databaseKinds[0];
if (!kind) throw new Error('no database');
const h = await startHarness(kind);
await h.addUser('admin', ['admin']);
await h.addUser('agente', ['agent']);
const admin = await h.signIn('admin');
await h.app.inject({
  method: 'PUT',
  url: '/api/v1/customers/100001',
  payload: customerPayload(),
  headers: { cookie: admin },
});
const agent = await h.signIn('agente');
const body = {
  customerNumber: '100001',
  channel: 'phone',
  type: 'complaint',
  description: 'Descripción de prueba bastante larga.',
};

async function measure(label: string, n: number, request: () => Promise<unknown>) {
  for (let i = 0; i < n / 10; i++) await request();
  const start = performance.now();
  for (let i = 0; i < n; i++) await request();
  console.log(`${label}: ${(((performance.now() - start) / n) * 1000).toFixed(0)} µs/request`);
}

let number = '';
await measure('file', 3000, async () => {
  number = (
    await h.app.inject({ method: 'POST', url: '/api/v1/reports', payload: body, headers: { cookie: agent } })
  ).json().number;
});
await measure('lookup', 10000, () =>
  h.app.inject({ method: 'GET', url: `/api/v1/reports/${number}`, headers: { cookie: agent } }),
);
await measure('health', 10000, () => h.app.inject({ method: 'GET', url: '/health' }));
await h.close();

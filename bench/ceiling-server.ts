/**
 * Calibration for the lookup figures (`npm run bench -- --scenarios=ceiling`): bare Fastify on
 * the same machine, with the same load generator, answering a report-sized JSON with no
 * database, no session check and no schema serialiser. What it reaches is roughly the most any
 * single Node server can do here, so it tells apart "Folio is slow" from "the box is small".
 */
import Fastify from 'fastify';

const SAMPLE = {
  number: '2410000017',
  displayNumber: '2410-00001-7',
  type: 'complaint',
  channel: 'phone',
  status: 'new',
  customerNumber: '123456',
  customer: { name: 'María Guadalupe Juárez Hernández' },
  verified: true,
  description:
    'Se queja de un cobro duplicado en su último recibo. Reclama que el técnico no se presentó en la fecha acordada.',
  location: null,
  createdAt: '2024-10-01T06:00:00.000Z',
  createdBy: { username: 'bench-agent-01', name: 'Agente 1' },
  version: 1,
  timeline: [
    {
      seq: 1,
      kind: 'filed',
      at: '2024-10-01T06:00:00.000Z',
      actor: { username: 'bench-agent-01', name: 'Agente 1' },
      data: { type: 'complaint', channel: 'phone', verified: true },
    },
  ],
};

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get<{ Params: { number: string } }>('/api/v1/reports/:number', async (request) => ({
  ...SAMPLE,
  number: request.params.number,
}));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });

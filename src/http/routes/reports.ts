import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInput } from '../../core/errors.js';
import { promiseText } from '../../core/promise-text.js';
import { STATUSES } from '../../core/report.js';
import { formatReportNumber } from '../../core/report-number.js';
import { reportQueueQuery } from '../../core/requests/back-office.js';
import { fileReportRequest, promisePreviewRequest, rerouteRequest } from '../../core/requests/file-report.js';
import { EXTERNAL_CAUSES, TRACKS } from '../../core/routing.js';
import type { ServiceContext } from '../../services/context.js';
import { fileReport } from '../../services/file-report.js';
import { getReport } from '../../services/get-report.js';
import { listReports } from '../../services/list-reports.js';
import { previewPromise } from '../../services/preview-promise.js';
import { rerouteReport } from '../../services/reroute-report.js';
import { transitionReport } from '../../services/transition-report.js';
import { expectedVersionOf } from '../if-match.js';
import { requestLanguage } from '../language.js';
import { signedIn } from '../plugins/auth.js';
import { errorResponse } from '../presenters/error.js';
import { presentReport, reportResponse } from '../presenters/report.js';
import { answerWithReport } from '../report-answer.js';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new InvalidInput('Idempotency-Key debe tener de 1 a 200 caracteres imprimibles.', [
      { path: 'Idempotency-Key', message: 'Valor no válido.' },
    ]);
  }
  return key;
}

const numberParams = z.object({ number: z.string().max(40) });

const transitionRequest = z.strictObject({
  to: z.enum(STATUSES, { error: 'status' }),
  reason: z.string({ error: 'reason' }).max(1000, { error: 'reason' }).optional(),
  resolution: z.string({ error: 'resolution' }).max(5000, { error: 'resolution' }).optional(),
});

const previewResponse = z.object({
  track: z.enum(TRACKS),
  department: z.string(),
  urgent: z.boolean(),
  externalDays: z.number().int().nullable(),
  externalCause: z.enum(EXTERNAL_CAUSES).nullable(),
  dueAt: z.string(),
  promiseText: z.string(),
});

const listResponse = z.object({
  reports: z.array(
    z.object({
      number: z.string(),
      displayNumber: z.string(),
      type: z.string(),
      channel: z.string(),
      status: z.string(),
      customerNumber: z.string(),
      customer: z.object({ name: z.string(), colonia: z.string() }),
      track: z.string().nullable(),
      department: z.string().nullable(),
      assignee: z.object({ username: z.string(), name: z.string() }).nullable(),
      dueAt: z.string().nullable(),
      promiseState: z.string(),
      createdAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export default async function reportRoutes(fastify: FastifyInstance, options: { ctx: ServiceContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.post(
    '/api/v1/reports',
    {
      config: { action: 'reports:file' },
      schema: {
        tags: ['reports'],
        summary: 'File a report; answers with its report number. Send Idempotency-Key to make retries safe.',
        body: fileReportRequest,
        response: { 200: reportResponse, 201: reportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const staff = signedIn(request);
      const { report, replayed } = await fileReport(
        ctx,
        staff,
        request.body,
        idempotencyKeyOf(request.headers['idempotency-key']),
      );
      // A replay answers as the first attempt did, so a client that retried sees one outcome.
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(201).send(presentReport(report, ctx.now(), requestLanguage(request)));
    },
  );

  app.get(
    '/api/v1/reports/:number',
    {
      config: { action: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'A report and its timeline, by number (with or without separators)',
        params: numberParams,
        response: { 200: reportResponse, ...errors },
      },
    },
    async (request) => {
      return presentReport(
        await getReport(ctx, request.params.number, signedIn(request)),
        ctx.now(),
        requestLanguage(request),
      );
    },
  );

  app.get(
    '/api/v1/reports',
    {
      config: { action: 'reports:list' },
      schema: {
        tags: ['reports'],
        summary:
          'The queue: reports by promise date (soonest first) or filing time, filtered by department, status, assignee (username, me, none), type, track, channel, colonia, promise state, created range and free text (q); paged by cursor',
        querystring: reportQueueQuery,
        response: { 200: listResponse, ...errors },
      },
    },
    async (request) => {
      const { reports, nextCursor } = await listReports(ctx, request.query, signedIn(request));
      return {
        reports: reports.map((r) => ({
          number: r.number,
          displayNumber: formatReportNumber(r.number),
          type: r.type,
          channel: r.channel,
          status: r.status,
          customerNumber: r.customerNumber,
          customer: { name: r.customerName, colonia: r.colonia },
          track: r.track,
          department: r.department,
          assignee: r.assignee,
          dueAt: r.dueAt,
          promiseState: r.promiseState,
          createdAt: r.createdAt,
        })),
        nextCursor,
      };
    },
  );

  app.post(
    '/api/v1/reports/promise-preview',
    {
      config: { action: 'reports:file' },
      schema: {
        tags: ['reports'],
        summary: 'The track, department and promise a report would get if filed now (nothing is stored)',
        body: promisePreviewRequest,
        response: { 200: previewResponse, ...errors },
      },
    },
    async (request) => {
      const plan = await previewPromise(ctx, request.body);
      return {
        track: plan.track,
        department: plan.departmentCode,
        urgent: plan.urgent,
        externalDays: plan.externalDays,
        externalCause: plan.externalCause,
        dueAt: plan.dueAt.toISOString(),
        promiseText: promiseText(plan.dueAt, requestLanguage(request)),
      };
    },
  );

  app.patch(
    '/api/v1/reports/:number',
    {
      config: { action: 'reports:route' },
      schema: {
        tags: ['reports'],
        summary:
          'Route a report to another track or department (with a reason); the promise is recomputed from the filing time',
        params: numberParams,
        body: rerouteRequest,
        response: { 200: reportResponse, ...errors, 422: errorResponse },
      },
    },
    async (request) => {
      const staff = signedIn(request);
      const number = await rerouteReport(
        ctx,
        staff,
        request.params.number,
        request.body,
        expectedVersionOf(request.headers['if-match']),
      );
      return answerWithReport(ctx, request, number);
    },
  );

  app.post(
    '/api/v1/reports/:number/transitions',
    {
      config: { action: 'reports:transition' },
      schema: {
        tags: ['reports'],
        summary:
          'Change the status (workflow); waiting_customer stops the promise clock, resolving records whether it was kept',
        params: numberParams,
        body: transitionRequest,
        response: { 200: reportResponse, ...errors, 422: errorResponse },
      },
    },
    async (request) => {
      const staff = signedIn(request);
      const number = await transitionReport(
        ctx,
        staff,
        request.params.number,
        request.body,
        expectedVersionOf(request.headers['if-match']),
      );
      return answerWithReport(ctx, request, number);
    },
  );
}

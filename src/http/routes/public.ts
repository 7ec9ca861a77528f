import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { publicLookupRequest, selfServiceReportRequest } from '../../core/requests/file-report.js';
import type { ServiceContext } from '../../services/context.js';
import { fileSelfServiceReport, lookupPublicReport } from '../../services/public-reports.js';
import { requestLanguage } from '../language.js';
import { errorResponse } from '../presenters/error.js';
import { presentPublicReport, publicReportResponse } from '../presenters/public-report.js';

const errors = {
  400: errorResponse,
  403: errorResponse,
  404: errorResponse,
  422: errorResponse,
  429: errorResponse,
};

/** What customers reach without signing in: follow-up by number, and filing on the web. Rate limited. */
export default async function publicRoutes(fastify: FastifyInstance, options: { ctx: ServiceContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.post(
    '/api/v1/public/reports/lookup',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary:
          'Follow up a report with its number and the customer number (20 lookups a minute per address)',
        body: publicLookupRequest,
        response: { 200: publicReportResponse, ...errors },
      },
    },
    async (request) =>
      presentPublicReport(await lookupPublicReport(ctx, request.body, request.ip), requestLanguage(request)),
  );

  app.post(
    '/api/v1/public/reports',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'File a report as a customer (customer number and last invoice number must both match)',
        body: selfServiceReportRequest,
        response: { 201: publicReportResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentPublicReport(
            await fileSelfServiceReport(ctx, request.body, request.ip),
            requestLanguage(request),
          ),
        ),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noticeTemplatesRequest } from '../../core/notices.js';
import { isoDateField } from '../../core/requests/fields.js';
import {
  holidayRequest,
  promisePolicyRequest,
  reportTypeParam,
  routingRuleRequest,
} from '../../core/requests/settings.js';
import type { ServiceContext } from '../../services/context.js';
import { addHoliday, listHolidays, removeHoliday } from '../../services/holidays.js';
import { getNoticeTemplates, updateNoticeTemplates } from '../../services/notices.js';
import {
  getPromisePolicy,
  getRoutingTable,
  updatePromisePolicy,
  updateRoutingRule,
} from '../../services/promise-configuration.js';
import { actorOf } from '../plugins/auth.js';
import { errorResponse } from '../presenters/error.js';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
};

const holiday = z.object({ date: z.string(), name: z.string(), official: z.boolean() });
const policy = z.object({
  technicalHours: z.number(),
  urgentTechnicalHours: z.number(),
  reviewMaxBusinessDays: z.number(),
  minBusinessDaysBeforeBillingPeriod: z.number(),
  externalDefaultDays: z.number(),
  atRiskFraction: z.number(),
  officeOpens: z.string(),
  officeCloses: z.string(),
});
const rule = z.object({
  track: z.string(),
  departmentCode: z.string(),
  trackWhenDocumentsNeeded: z.string().optional(),
});

/** The business calendar and the promise rules an administrator keeps (issue: routing and promises). */
export default async function configurationRoutes(
  fastify: FastifyInstance,
  options: { ctx: ServiceContext },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.get(
    '/api/v1/holidays',
    {
      config: { action: 'settings:read' },
      schema: {
        tags: ['configuration'],
        summary:
          'Days the office is closed in a year: official rest days (LFT art. 74) and those an admin added',
        querystring: z.strictObject({
          year: z.coerce
            .number<string>({ error: 'invalid' })
            .int({ error: 'invalid' })
            .min(2000, { error: 'invalid' })
            .max(2100, { error: 'invalid' })
            .optional(),
        }),
        response: { 200: z.object({ year: z.number(), holidays: z.array(holiday) }), ...errors },
      },
    },
    async (request) => {
      const year =
        request.query.year ??
        Number(
          new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'America/Mexico_City' }).format(
            ctx.now(),
          ),
        );
      return { year, holidays: await listHolidays(ctx, year) };
    },
  );

  app.post(
    '/api/v1/holidays',
    {
      config: { action: 'settings:write' },
      schema: {
        tags: ['configuration'],
        summary:
          'Add a day the office is closed (local or company holiday); counts for promises made from now on',
        body: holidayRequest,
        response: { 201: holiday, ...errors },
      },
    },
    async (request, reply) => {
      return reply.code(201).send(await addHoliday(ctx, actorOf(request), request.body));
    },
  );

  app.delete(
    '/api/v1/holidays/:date',
    {
      config: { action: 'settings:write' },
      schema: {
        tags: ['configuration'],
        summary: 'Remove a holiday an admin added (official rest days cannot be removed)',
        params: z.object({ date: isoDateField }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeHoliday(ctx, actorOf(request), request.params.date);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/promise-policy',
    {
      config: { action: 'settings:read' },
      schema: {
        tags: ['configuration'],
        summary: 'The promise policy and office hours',
        response: { 200: policy, ...errors },
      },
    },
    async (_request) => {
      return getPromisePolicy(ctx);
    },
  );

  app.put(
    '/api/v1/promise-policy',
    {
      config: { action: 'settings:write' },
      schema: {
        tags: ['configuration'],
        summary: 'Change part of the promise policy or the office hours',
        body: promisePolicyRequest,
        response: { 200: policy, ...errors },
      },
    },
    async (request) => {
      return updatePromisePolicy(ctx, actorOf(request), request.body);
    },
  );

  app.get(
    '/api/v1/routing',
    {
      config: { action: 'settings:read' },
      schema: {
        tags: ['configuration'],
        summary: 'The routing table: track and department by report type',
        response: {
          200: z.object({
            rules: z.record(z.string(), rule),
            departments: z.array(z.object({ code: z.string(), name: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (_request) => {
      return getRoutingTable(ctx);
    },
  );

  app.put(
    '/api/v1/routing/:type',
    {
      config: { action: 'settings:write' },
      schema: {
        tags: ['configuration'],
        summary: 'Change where a report type goes by default',
        params: z.object({ type: reportTypeParam }),
        body: routingRuleRequest,
        response: { 200: rule, ...errors },
      },
    },
    async (request) => {
      return updateRoutingRule(ctx, actorOf(request), request.params.type, request.body);
    },
  );

  const templates = z.record(
    z.string(),
    z.object({ subject: z.string(), text: z.string(), sms: z.string().optional() }),
  );

  app.get(
    '/api/v1/notice-templates',
    {
      config: { action: 'settings:read' },
      schema: {
        tags: ['configuration'],
        summary: 'The Spanish texts of the customer notices (e-mail and SMS), with {{placeholders}}',
        response: { 200: templates, ...errors },
      },
    },
    async () => getNoticeTemplates(ctx),
  );

  app.put(
    '/api/v1/notice-templates',
    {
      config: { action: 'settings:write' },
      schema: {
        tags: ['configuration'],
        summary: 'Change notice texts; only the public placeholders are allowed',
        body: noticeTemplatesRequest,
        response: { 200: templates, ...errors },
      },
    },
    async (request) => updateNoticeTemplates(ctx, request.body, actorOf(request)),
  );
}

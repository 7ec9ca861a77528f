import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignmentRequest, documentsRequest, noteRequest } from '../../core/requests/back-office.js';
import { departmentCodeField } from '../../core/requests/fields.js';
import { addNote } from '../../services/add-note.js';
import { assignReport } from '../../services/assign-report.js';
import type { ServiceContext } from '../../services/context.js';
import { listDepartmentStaff } from '../../services/department-staff.js';
import { markDocumentReceived, requestDocuments } from '../../services/request-documents.js';
import { expectedVersionOf } from '../if-match.js';
import { signedIn } from '../plugins/auth.js';
import { errorResponse } from '../presenters/error.js';
import { reportResponse } from '../presenters/report.js';
import { answerWithReport } from '../report-answer.js';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
};

const numberParams = z.object({ number: z.string().max(40) });
const documentParams = z.object({ number: z.string().max(40), id: z.string().max(64) });
const staffMember = z.object({ username: z.string(), name: z.string(), roles: z.array(z.string()) });

/**
 * Working a report in the back office: assignment (and who it can go to), notes, and the
 * documents asked of the customer. Each write takes `If-Match` with the version the client saw
 * (409 `stale_version` when someone changed it since) and answers the report as it now is.
 */
export default async function backOfficeRoutes(fastify: FastifyInstance, options: { ctx: ServiceContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = options;

  app.post(
    '/api/v1/reports/:number/assignment',
    {
      config: { action: 'reports:assign' },
      schema: {
        tags: ['reports'],
        summary:
          'Assign to a staff user of the report’s department ("me" takes it; null puts it back in the queue). Only supervisors assign others.',
        params: numberParams,
        body: assignmentRequest,
        response: { 200: reportResponse, ...errors },
      },
    },
    async (request) => {
      const staff = signedIn(request);
      const number = await assignReport(
        ctx,
        staff,
        request.params.number,
        request.body,
        expectedVersionOf(request.headers['if-match']),
      );
      return answerWithReport(ctx, request, number);
    },
  );

  app.get(
    '/api/v1/departments/:code/staff',
    {
      config: { action: 'reports:assign_others' },
      schema: {
        tags: ['reports'],
        summary:
          'Who a report of this department can be assigned to: its enabled staff with a working role, by name. A department outside the caller’s answers 404.',
        params: z.object({ code: departmentCodeField }),
        response: { 200: z.object({ staff: z.array(staffMember) }), ...errors },
      },
    },
    async (request) => ({
      staff: await listDepartmentStaff(ctx, signedIn(request), request.params.code),
    }),
  );

  app.post(
    '/api/v1/reports/:number/notes',
    {
      config: { action: 'reports:note' },
      schema: {
        tags: ['reports'],
        summary:
          'Add a note to the timeline: internal (staff only) or customer (shown on the public status page)',
        params: numberParams,
        body: noteRequest,
        response: { 200: reportResponse, ...errors },
      },
    },
    async (request) => {
      const staff = signedIn(request);
      const number = await addNote(
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
    '/api/v1/reports/:number/documents',
    {
      config: { action: 'reports:documents' },
      schema: {
        tags: ['reports'],
        summary:
          'Ask the customer for documents: adds checklist items and moves the report to waiting_customer (the promise clock stops)',
        params: numberParams,
        body: documentsRequest,
        response: { 200: reportResponse, ...errors },
      },
    },
    async (request) => {
      const staff = signedIn(request);
      const number = await requestDocuments(
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
    '/api/v1/reports/:number/documents/:id/received',
    {
      config: { action: 'reports:documents' },
      schema: {
        tags: ['reports'],
        summary: 'Mark one requested document as received (marking it again changes nothing)',
        params: documentParams,
        response: { 200: reportResponse, ...errors },
      },
    },
    async (request) => {
      const staff = signedIn(request);
      const number = await markDocumentReceived(
        ctx,
        staff,
        request.params.number,
        request.params.id,
        expectedVersionOf(request.headers['if-match']),
      );
      return answerWithReport(ctx, request, number);
    },
  );
}

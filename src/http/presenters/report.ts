import { z } from 'zod';
import { PROMISE_STATES } from '../../core/promise.js';
import { promiseText } from '../../core/promise-text.js';
import { CHANNELS, livePromiseState, REPORT_TYPES, type Report, STATUSES } from '../../core/report.js';
import { formatReportNumber } from '../../core/report-number.js';
import { EXTERNAL_CAUSES, TRACKS } from '../../core/routing.js';
import type { Language } from '../../core/validation-messages.js';

const staffRef = z.object({ username: z.string(), name: z.string() });

export const reportResponse = z
  .object({
    number: z.string().describe('10 digits, no separators'),
    displayNumber: z.string().describe('grouped for reading aloud, e.g. 2611-00042-7'),
    type: z.enum(REPORT_TYPES),
    channel: z.enum(CHANNELS),
    status: z.enum(STATUSES),
    customerNumber: z.string(),
    customer: z.object({ name: z.string() }),
    verified: z.boolean().describe('whether the invoice number given was the customer’s latest'),
    description: z.string(),
    location: z
      .object({ text: z.string(), lat: z.number().optional(), lng: z.number().optional() })
      .nullable(),
    createdAt: z.string(),
    createdBy: staffRef,
    version: z.number().int(),
    track: z.enum(TRACKS).nullable(),
    department: z.string().nullable().describe('department code'),
    departmentName: z.string().nullable(),
    urgent: z.boolean(),
    documentsNeeded: z.boolean(),
    externalDays: z.number().int().nullable(),
    externalCause: z.enum(EXTERNAL_CAUSES).nullable(),
    dueAt: z
      .string()
      .nullable()
      .describe('the promise (UTC); moves later by time spent waiting on the customer'),
    promiseText: z.string().nullable().describe('the sentence the agent reads to the customer'),
    promiseState: z.enum(PROMISE_STATES).nullable(),
    paused: z.boolean().describe('waiting on the customer: the promise clock is stopped'),
    pauses: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
    resolvedAt: z.string().nullable(),
    promiseKept: z.boolean().nullable(),
    assignee: staffRef.nullable().describe('who works it; null while it waits in the department’s queue'),
    documents: z
      .array(
        z.object({
          id: z.string(),
          item: z.string(),
          requestedAt: z.string(),
          receivedAt: z.string().nullable(),
        }),
      )
      .describe('documents asked of the customer; receivedAt is null until they arrive'),
    attachments: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        contentType: z.string(),
        size: z.number().int(),
        uploadedAt: z.string(),
        uploadedBy: staffRef,
      }),
    ),
    timeline: z.array(
      z.object({
        seq: z.number().int(),
        kind: z.string(),
        at: z.string(),
        actor: staffRef.nullable(),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'Report' });

export type ReportResponse = z.infer<typeof reportResponse>;

/** A report as staff see it. (The public status page will get a presenter of its own.) */
export function presentReport(report: Report, now: Date, language: Language = 'es'): ReportResponse {
  return {
    number: report.number,
    displayNumber: formatReportNumber(report.number),
    type: report.type,
    channel: report.channel,
    status: report.status,
    customerNumber: report.customerNumber,
    customer: { name: report.customerName },
    verified: report.verified,
    description: report.description,
    location: report.location,
    createdAt: report.createdAt.toISOString(),
    createdBy: report.createdBy,
    version: report.version,
    track: report.track,
    department: report.department?.code ?? null,
    departmentName: report.department?.name ?? null,
    urgent: report.urgent,
    documentsNeeded: report.documentsNeeded,
    externalDays: report.externalDays,
    externalCause: report.externalCause,
    dueAt: report.dueAt?.toISOString() ?? null,
    promiseText: report.dueAt ? promiseText(report.dueAt, language) : null,
    promiseState: livePromiseState(report, now),
    paused: report.status === 'waiting_customer',
    pauses: report.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to?.toISOString() ?? null })),
    resolvedAt: report.resolvedAt?.toISOString() ?? null,
    promiseKept: report.promiseKept,
    assignee: report.assignee,
    documents: report.documents.map((d) => ({
      id: d.id,
      item: d.item,
      requestedAt: d.requestedAt.toISOString(),
      receivedAt: d.receivedAt?.toISOString() ?? null,
    })),
    attachments: report.attachments.map((a) => ({
      id: a.id,
      name: a.name,
      contentType: a.contentType,
      size: a.size,
      uploadedAt: a.uploadedAt.toISOString(),
      uploadedBy: a.uploadedBy,
    })),
    timeline: report.timeline.map((event) => ({
      seq: event.seq,
      kind: event.kind,
      at: event.at.toISOString(),
      actor: event.actor,
      data: event.data,
    })),
  };
}

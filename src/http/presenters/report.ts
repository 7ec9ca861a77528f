import { z } from 'zod';
import { CHANNELS, REPORT_TYPES, type Report, STATUSES } from '../../core/report.js';
import { formatReportNumber } from '../../core/report-number.js';

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

/** A report as staff see it. (The public status page will get a presenter of its own.) */
export function presentReport(report: Report): z.infer<typeof reportResponse> {
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
    timeline: report.timeline.map((event) => ({
      seq: event.seq,
      kind: event.kind,
      at: event.at.toISOString(),
      actor: event.actor,
      data: event.data,
    })),
  };
}

import { z } from 'zod';
import { EXTERNAL_MAX_DAYS, EXTERNAL_MIN_DAYS } from '../promise.js';
import { CHANNELS, DESCRIPTION_MAX, DESCRIPTION_MIN, REPORT_TYPES } from '../report.js';
import { EXTERNAL_CAUSES, TRACKS } from '../routing.js';
import { customerNumberField, departmentCodeField, invoiceNumberField, msg } from './fields.js';

export const locationSchema = z.strictObject(
  {
    text: z.string(msg('location_text')).trim().min(3, msg('location_text')).max(500, msg('location_text')),
    lat: z.number(msg('latitude')).min(-90, msg('latitude')).max(90, msg('latitude')).optional(),
    lng: z.number(msg('longitude')).min(-180, msg('longitude')).max(180, msg('longitude')).optional(),
  },
  msg('location_text'),
);

/**
 * How the agent routes a report (all optional: the routing table decides what is left out).
 * Shared by filing, the promise preview and re-routing.
 */
export const routingFields = {
  track: z.enum(TRACKS, msg('track')).optional(),
  department: departmentCodeField.optional(),
  /** A fault that leaves the customer without service: the short technical promise. */
  urgent: z.boolean(msg('invalid')).optional(),
  /** Administrative requests that need documents follow the review track. */
  documentsNeeded: z.boolean(msg('invalid')).optional(),
  externalDays: z
    .number(msg('external_days'))
    .int(msg('external_days'))
    .min(EXTERNAL_MIN_DAYS, msg('external_days'))
    .max(EXTERNAL_MAX_DAYS, msg('external_days'))
    .optional(),
  externalCause: z.enum(EXTERNAL_CAUSES, msg('external_cause')).optional(),
};

const routeOptions = z.object(routingFields);
export type RouteOptions = z.infer<typeof routeOptions>;

/** `POST /api/v1/reports` — also the agent's filing form. */
export const fileReportRequest = z
  .strictObject({
    ...routingFields,
    customerNumber: customerNumberField,
    invoiceNumber: invoiceNumberField.optional(),
    channel: z.enum(CHANNELS, msg('channel')),
    type: z.enum(REPORT_TYPES, msg('type')),
    description: z
      .string(msg('description_length'))
      .trim()
      .min(DESCRIPTION_MIN, msg('description_length'))
      .max(DESCRIPTION_MAX, msg('description_length')),
    location: locationSchema.optional(),
  })
  .superRefine((request, ctx) => {
    if (request.type === 'fault' && !request.location) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'location_required' });
    }
  });

export type FileReportRequest = z.infer<typeof fileReportRequest>;

/** `POST /api/v1/reports/promise-preview`: what the promise would be if filed now. */
export const promisePreviewRequest = z.strictObject({
  customerNumber: customerNumberField,
  type: z.enum(REPORT_TYPES, msg('type')),
  ...routingFields,
});
export type PromisePreviewRequest = z.infer<typeof promisePreviewRequest>;

/** `PATCH /api/v1/reports/{number}`: another track or department, always with a reason. */
export const rerouteRequest = z.strictObject({
  ...routingFields,
  reason: z.string(msg('reason')).trim().min(3, msg('reason')).max(1000, msg('reason')),
});
export type RerouteRequest = z.infer<typeof rerouteRequest>;

/** `POST /api/v1/public/reports`: a customer files on the web, proving who they are with both numbers. */
export const selfServiceReportRequest = z
  .strictObject({
    customerNumber: customerNumberField,
    invoiceNumber: invoiceNumberField,
    type: z.enum(REPORT_TYPES, msg('type')),
    description: z
      .string(msg('description_length'))
      .trim()
      .min(DESCRIPTION_MIN, msg('description_length'))
      .max(DESCRIPTION_MAX, msg('description_length')),
    location: locationSchema.optional(),
    /** Left empty by people; bots that fill every field give themselves away. */
    website: z.string().max(200).optional(),
  })
  .superRefine((request, ctx) => {
    if (request.type === 'fault' && !request.location) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'location_required' });
    }
  });
export type SelfServiceReportRequest = z.infer<typeof selfServiceReportRequest>;

/** `POST /api/v1/public/reports/lookup` */
export const publicLookupRequest = z.strictObject({
  number: z.string(msg('required')).trim().min(1, msg('required')).max(40, msg('required')),
  customerNumber: customerNumberField,
});

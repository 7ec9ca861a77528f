import { z } from 'zod';
import { CHANNELS, DESCRIPTION_MAX, DESCRIPTION_MIN, REPORT_TYPES } from '../report.js';
import { customerNumberField, invoiceNumberField, msg } from './fields.js';

export const locationSchema = z.strictObject(
  {
    text: z.string(msg('location_text')).trim().min(3, msg('location_text')).max(500, msg('location_text')),
    lat: z.number(msg('latitude')).min(-90, msg('latitude')).max(90, msg('latitude')).optional(),
    lng: z.number(msg('longitude')).min(-180, msg('longitude')).max(180, msg('longitude')).optional(),
  },
  msg('location_text'),
);

/** `POST /api/v1/reports` — also the agent's filing form. */
export const fileReportRequest = z
  .strictObject({
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

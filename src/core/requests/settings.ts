import { z } from 'zod';
import { REPORT_TYPES } from '../report.js';
import { TRACKS } from '../routing.js';
import { departmentCodeField, isoDateField, msg } from './fields.js';

const clockTime = z.string(msg('time')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg('time'));

/** `PUT /api/v1/promise-policy`: any subset; what is left out keeps its value. */
export const promisePolicyRequest = z
  .strictObject({
    technicalHours: z
      .number(msg('invalid'))
      .positive(msg('invalid'))
      .max(24 * 7, msg('invalid'))
      .optional(),
    urgentTechnicalHours: z
      .number(msg('invalid'))
      .positive(msg('invalid'))
      .max(24, msg('invalid'))
      .optional(),
    reviewMaxBusinessDays: z
      .number(msg('invalid'))
      .int(msg('invalid'))
      .min(1, msg('invalid'))
      .max(60, msg('invalid'))
      .optional(),
    minBusinessDaysBeforeBillingPeriod: z
      .number(msg('invalid'))
      .int(msg('invalid'))
      .min(0, msg('invalid'))
      .max(20, msg('invalid'))
      .optional(),
    externalDefaultDays: z
      .number(msg('invalid'))
      .int(msg('invalid'))
      .min(1, msg('external_days'))
      .max(7, msg('external_days'))
      .optional(),
    atRiskFraction: z.number(msg('invalid')).gt(0, msg('invalid')).lt(1, msg('invalid')).optional(),
    officeOpens: clockTime.optional(),
    officeCloses: clockTime.optional(),
  })
  .refine((p) => !p.officeOpens || !p.officeCloses || p.officeOpens < p.officeCloses, {
    path: ['officeCloses'],
    message: 'time',
  });
export type PromisePolicyRequest = z.infer<typeof promisePolicyRequest>;

/** `PUT /api/v1/routing/{type}` */
export const routingRuleRequest = z.strictObject({
  track: z.enum(TRACKS, msg('track')),
  department: departmentCodeField,
  trackWhenDocumentsNeeded: z.enum(TRACKS, msg('track')).nullable().optional(),
});
export const reportTypeParam = z.enum(REPORT_TYPES, msg('type'));

/** `POST /api/v1/holidays` */
export const holidayRequest = z.strictObject({
  date: isoDateField,
  name: z.string(msg('holiday_name')).trim().min(1, msg('holiday_name')).max(100, msg('holiday_name')),
});

import type { z } from 'zod';
import { DESCRIPTION_MIN, type ReportType } from '../../core/report.js';
import { fileReportRequest } from '../../core/requests/file-report.js';
import { type Language, validationMessage } from '../../core/validation-messages.js';
import type { ApiFieldProblem } from '../api/client.js';
import { ROUTING_FIELDS } from '../routing/filing-options.js';

/** The inputs an error can sit next to; anything else is listed above the submit button. */
export const FORM_FIELDS = [
  'type',
  'channel',
  'description',
  'location',
  'customerNumber',
  'invoiceNumber',
  ...ROUTING_FIELDS,
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface FormErrors {
  byField: Partial<Record<FormField, string>>;
  other: string[];
}

export const noErrors: FormErrors = { byField: {}, other: [] };

/** `location.text` and `location` both belong to the location input. */
function fieldOf(path: string): FormField | undefined {
  const head = path.split('.')[0];
  return FORM_FIELDS.find((field) => field === head);
}

function collect(problems: { path: string; message: string }[]): FormErrors {
  const errors: FormErrors = { byField: {}, other: [] };
  for (const problem of problems) {
    const field = fieldOf(problem.path);
    if (field) errors.byField[field] ??= problem.message;
    else errors.other.push(problem.message);
  }
  return errors;
}

/** Zod issues carry message keys; the agent reads the text the API would have sent. */
export function errorsFromIssues(issues: z.core.$ZodIssue[], language: Language): FormErrors {
  return collect(
    issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: validationMessage(issue.message, language),
    })),
  );
}

/** A 400 from the API already says its messages in the page's language. */
export function errorsFromApi(fields: ApiFieldProblem[]): FormErrors {
  return collect(fields);
}

/**
 * Whether this type of report needs a location (the message key if so), asked of the shared
 * schema itself so the rule lives in one place: a request valid in all but its missing
 * location either passes or says why not.
 */
export function missingLocationMessage(type: ReportType): string | undefined {
  const probe = fileReportRequest.safeParse({
    customerNumber: 'PROBE',
    channel: 'office',
    type,
    description: 'x'.repeat(DESCRIPTION_MIN),
  });
  return probe.success
    ? undefined
    : probe.error.issues.find((issue) => issue.path[0] === 'location')?.message;
}

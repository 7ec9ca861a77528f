import { DESCRIPTION_MIN, type ReportType } from '../../core/report.js';
import { type SelfServiceReportRequest, selfServiceReportRequest } from '../../core/requests/file-report.js';
import { type Language, validationMessage } from '../../core/validation-messages.js';

/** The self-service form's inputs, in the order a person meets them. */
export const SELF_SERVICE_FIELDS = [
  'customerNumber',
  'invoiceNumber',
  'type',
  'description',
  'location',
] as const;
export type SelfServiceField = (typeof SELF_SERVICE_FIELDS)[number];

export interface SelfServiceErrors {
  byField: Partial<Record<SelfServiceField, string>>;
  /** Problems no input owns (the honeypot, a field the page does not know). */
  other: string[];
}

export const noSelfServiceErrors: SelfServiceErrors = { byField: {}, other: [] };

export interface SelfServiceInput {
  customerNumber: string;
  invoiceNumber: string;
  type: ReportType | '';
  description: string;
  locationText: string;
  website: string;
}

/** `location.text` belongs to the location input. */
export function collectErrors(problems: { path: string; message: string }[]): SelfServiceErrors {
  const errors: SelfServiceErrors = { byField: {}, other: [] };
  for (const problem of problems) {
    const head = problem.path.split('.')[0];
    const field = SELF_SERVICE_FIELDS.find((f) => f === head);
    if (field) errors.byField[field] ??= problem.message;
    else errors.other.push(problem.message);
  }
  return errors;
}

/**
 * Whether a type needs a location (the message key if so), asked of the shared schema itself
 * so the rule lives in one place.
 */
export function missingLocationKey(type: ReportType): string | undefined {
  const probe = selfServiceReportRequest.safeParse({
    customerNumber: 'PROBE',
    invoiceNumber: 'PROBE',
    type,
    description: 'x'.repeat(DESCRIPTION_MIN),
  });
  return probe.success ? undefined : probe.error.issues.find((i) => i.path[0] === 'location')?.message;
}

/** The request as the API wants it, or what to show next to which input. */
export function validateSelfService(
  input: SelfServiceInput,
  language: Language,
): { ok: true; request: SelfServiceReportRequest } | { ok: false; errors: SelfServiceErrors } {
  const parsed = selfServiceReportRequest.safeParse({
    customerNumber: input.customerNumber,
    invoiceNumber: input.invoiceNumber,
    type: input.type || undefined,
    description: input.description,
    ...(input.locationText.trim() ? { location: { text: input.locationText } } : {}),
    ...(input.website ? { website: input.website } : {}),
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors = collectErrors(
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: validationMessage(issue.message, language),
    })),
  );
  // An empty box is told as such rather than by the format rule it breaks.
  for (const field of ['customerNumber', 'invoiceNumber'] as const) {
    if (errors.byField[field] && !input[field].trim())
      errors.byField[field] = validationMessage('required', language);
  }
  // Zod skips the whole-request rule while a field is wrong; say it now, not after the next try.
  const missing = input.type && !input.locationText.trim() ? missingLocationKey(input.type) : undefined;
  if (missing) errors.byField.location ??= validationMessage(missing, language);
  return { ok: false, errors };
}

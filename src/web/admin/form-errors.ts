import type { z } from 'zod';
import { type Language, validationMessage } from '../../core/validation-messages.js';
import { ApiError, type ApiFieldProblem } from '../api/client.js';

/** Messages by input (a dotted path such as `phones.1`), and those that belong to no input. */
export interface FieldErrors {
  byField: Record<string, string>;
  other: string[];
}

export const noFieldErrors: FieldErrors = { byField: {}, other: [] };

function collect(problems: ApiFieldProblem[], fields: readonly string[], rename: Record<string, string>) {
  const errors: FieldErrors = { byField: {}, other: [] };
  for (const problem of problems) {
    const path = rename[problem.path] ?? problem.path;
    const head = path.split('.')[0] ?? '';
    if (fields.includes(head)) errors.byField[path] ??= problem.message;
    else errors.other.push(problem.message);
  }
  return errors;
}

/**
 * The shared request schema's issues as the text the API would have sent: its messages are
 * keys of the validation catalogue. `fields` are the form's inputs; anything else is shown
 * above the buttons.
 */
export function errorsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  fields: readonly string[],
  language: Language,
): FieldErrors {
  return collect(
    issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: validationMessage(issue.message, language),
    })),
    fields,
    {},
  );
}

/**
 * A 400 from the API, next to the inputs. `rename` maps the API's path onto the form's input
 * where they differ (a weak password is reported as `newPassword` by every endpoint).
 */
export function errorsFromApi(
  error: unknown,
  fields: readonly string[],
  rename: Record<string, string> = {},
): FieldErrors | null {
  if (!(error instanceof ApiError) || error.fields.length === 0) return null;
  return collect(error.fields, fields, rename);
}

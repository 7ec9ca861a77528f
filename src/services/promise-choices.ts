import type { Kysely } from 'kysely';
import { InvalidInput } from '../core/errors.js';
import type { PromiseChoices } from '../core/report-promise.js';
import type { RouteOptions } from '../core/requests/file-report.js';
import { validationMessage } from '../core/validation-messages.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import type { Database } from '../db/schema.js';

/** The routing options of a request (filing, preview, re-routing) as the core takes them. */
export function promiseChoicesOf(request: RouteOptions): PromiseChoices {
  const choices: PromiseChoices = {};
  if (request.track !== undefined) choices.track = request.track;
  if (request.department !== undefined) choices.departmentCode = request.department;
  if (request.urgent !== undefined) choices.urgent = request.urgent;
  if (request.documentsNeeded !== undefined) choices.documentsNeeded = request.documentsNeeded;
  if (request.externalDays !== undefined) choices.externalDays = request.externalDays;
  if (request.externalCause !== undefined) choices.externalCause = request.externalCause;
  return choices;
}

/** The department's name; a code that names none is a bad request. */
export async function requireDepartment(db: Kysely<Database>, code: string): Promise<string> {
  const name = await new ConfigurationRepository(db).departmentName(code);
  if (name === undefined) {
    throw new InvalidInput(validationMessage('invalid'), [
      { path: 'department', message: validationMessage('department') },
    ]);
  }
  return name;
}

import type { Kysely } from 'kysely';
import type { BusinessCalendar } from '../core/calendar.js';
import { defaultCalendar } from '../core/calendar.js';
import { defaultPromisePolicy, type PromisePolicy } from '../core/promise.js';
import type { RoutingTable } from '../core/routing.js';
import { defaultWorkflowPolicy, type WorkflowPolicy } from '../core/workflow.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import type { Database } from '../db/schema.js';

export const PROMISE_POLICY_KEY = 'promise_policy';
export const OFFICE_HOURS_KEY = 'office_hours';

export interface PromiseSettings {
  routingTable: RoutingTable;
  policy: PromisePolicy;
  calendar: BusinessCalendar;
  workflow: WorkflowPolicy;
}

/**
 * Everything a promise depends on, read from the database at the moment it is needed, so a
 * change an administrator makes counts for the very next report on every server process.
 * (Four indexed reads of small tables; measured in the filing benchmark.)
 */
export async function loadPromiseSettings(db: Kysely<Database>): Promise<PromiseSettings> {
  const configuration = new ConfigurationRepository(db);
  const [routingTable, storedPolicy, storedHours, holidays] = await Promise.all([
    configuration.routingTable(),
    configuration.setting(PROMISE_POLICY_KEY),
    configuration.setting(OFFICE_HOURS_KEY),
    configuration.holidays(),
  ]);
  const hours = (storedHours ?? {}) as Partial<Pick<BusinessCalendar, 'officeOpens' | 'officeCloses'>>;
  return {
    routingTable,
    policy: { ...defaultPromisePolicy, ...((storedPolicy ?? {}) as Partial<PromisePolicy>) },
    calendar: {
      officeOpens: hours.officeOpens ?? defaultCalendar.officeOpens,
      officeCloses: hours.officeCloses ?? defaultCalendar.officeCloses,
      extraHolidays: new Set(holidays.map((h) => h.date)),
    },
    workflow: defaultWorkflowPolicy,
  };
}

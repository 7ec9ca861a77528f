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
 * Everything a promise depends on: four small tables read on every filing cost a quarter of
 * the filing benchmark, so the result is kept for a few seconds. A change made through this
 * process is seen at once (the writer forgets the cached copy); another server process sees
 * it within `CACHE_MS`.
 */
const CACHE_MS = 5_000;
const cache = new WeakMap<Kysely<Database>, { settings: Promise<PromiseSettings>; loadedAt: number }>();

export function loadPromiseSettings(db: Kysely<Database>): Promise<PromiseSettings> {
  const cached = cache.get(db);
  if (cached && performance.now() - cached.loadedAt < CACHE_MS) return cached.settings;
  const settings = readPromiseSettings(db);
  cache.set(db, { settings, loadedAt: performance.now() });
  settings.catch(() => cache.delete(db));
  return settings;
}

/** Called by every use case that changes the routing table, the policy or the holidays. */
export function forgetPromiseSettings(db: Kysely<Database>): void {
  cache.delete(db);
}

async function readPromiseSettings(db: Kysely<Database>): Promise<PromiseSettings> {
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

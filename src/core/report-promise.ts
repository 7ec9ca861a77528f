import type { BusinessCalendar } from './calendar.js';
import { type FieldProblem, InvalidInput } from './errors.js';
import {
  atRiskAt,
  type BillingCycle,
  dueAtAfterPauses,
  type Pause,
  type PromisePolicy,
  promiseFor,
} from './promise.js';
import type { ReportType } from './report.js';
import {
  type ExternalCause,
  type RoutingChoices,
  type RoutingTable,
  routeReport,
  type Track,
} from './routing.js';
import { validationMessage } from './validation-messages.js';

/** What the agent chose for one report; everything is optional. */
export interface PromiseChoices extends RoutingChoices {
  urgent?: boolean;
  externalDays?: number;
  externalCause?: ExternalCause;
}

export interface PlannedPromise {
  track: Track;
  departmentCode: string;
  urgent: boolean;
  documentsNeeded: boolean;
  externalDays: number | null;
  externalCause: ExternalCause | null;
  dueAt: Date;
}

/**
 * Routes a report and computes its promise, checking that the agent's options fit the track
 * the report ends up on (they may come from the routing table, so the request schema alone
 * cannot know): urgency is for technical faults, days and cause for external ones.
 */
export function planPromise(
  type: ReportType,
  choices: PromiseChoices,
  customer: BillingCycle,
  filedAt: Date,
  settings: { routingTable: RoutingTable; policy: PromisePolicy; calendar: BusinessCalendar },
): PlannedPromise {
  const route = routeReport(type, choices, settings.routingTable);
  const problems: FieldProblem[] = [];
  const external = route.track === 'external';
  if (!external && choices.externalDays !== undefined) {
    problems.push({ path: 'externalDays', message: validationMessage('external_only') });
  }
  if (!external && choices.externalCause !== undefined) {
    problems.push({ path: 'externalCause', message: validationMessage('external_only') });
  }
  if (external && choices.externalCause === undefined) {
    problems.push({ path: 'externalCause', message: validationMessage('external_cause') });
  }
  if (choices.urgent && route.track !== 'technical') {
    problems.push({ path: 'urgent', message: validationMessage('urgent_only') });
  }
  if (problems.length > 0) throw new InvalidInput(validationMessage('invalid'), problems);

  const urgent = route.track === 'technical' && choices.urgent === true;
  const externalDays = external ? (choices.externalDays ?? settings.policy.externalDefaultDays) : null;
  const dueAt = promiseFor({
    track: route.track,
    filedAt,
    customer,
    urgent,
    ...(externalDays === null ? {} : { externalDays }),
    policy: settings.policy,
    calendar: settings.calendar,
  });
  return {
    track: route.track,
    departmentCode: route.departmentCode,
    urgent,
    documentsNeeded: choices.documentsNeeded === true,
    externalDays,
    externalCause: external ? (choices.externalCause as ExternalCause) : null,
    dueAt,
  };
}

/**
 * The promise as it stands after the time spent waiting on the customer: the base promise
 * pushed later by the paused time (office time for office tracks, plain time otherwise), and
 * the moment it turns "at risk".
 */
export function promiseAfterPauses(query: {
  track: Track;
  filedAt: Date;
  baseDueAt: Date;
  pauses: readonly Pause[];
  now: Date;
  policy: PromisePolicy;
  calendar: BusinessCalendar;
}): { dueAt: Date; atRiskAt: Date } {
  const dueAt = dueAtAfterPauses({
    track: query.track,
    originalDueAt: query.baseDueAt,
    pauses: query.pauses,
    now: query.now,
    calendar: query.calendar,
  });
  return {
    dueAt,
    atRiskAt: atRiskAt({ filedAt: query.filedAt, dueAt, baseDueAt: query.baseDueAt, policy: query.policy }),
  };
}

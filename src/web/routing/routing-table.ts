import { REPORT_TYPES } from '../../core/report.js';
import { defaultRoutingTable, isTrack, type RoutingRule, type RoutingTable } from '../../core/routing.js';
import type { Department, RoutingTableResponse } from '../api/types.js';

/**
 * The routing table as the core takes it. A rule the API sends with a track this page does
 * not know yet keeps the built-in rule, so the form still shows sensible options; the
 * preview (computed by the server) stays the authority on where the report goes.
 */
export function routingTableOf(response: RoutingTableResponse | undefined): RoutingTable {
  if (!response) return defaultRoutingTable;
  const table = { ...defaultRoutingTable };
  for (const type of REPORT_TYPES) {
    const sent = response.rules[type];
    if (!sent || !isTrack(sent.track)) continue;
    const rule: RoutingRule = { track: sent.track, departmentCode: sent.departmentCode };
    if (sent.trackWhenDocumentsNeeded && isTrack(sent.trackWhenDocumentsNeeded)) {
      rule.trackWhenDocumentsNeeded = sent.trackWhenDocumentsNeeded;
    }
    table[type] = rule;
  }
  return table;
}

/** A department's name for people; its code when the list has not arrived or lacks it. */
export function departmentName(departments: readonly Department[] | undefined, code: string): string {
  return departments?.find((department) => department.code === code)?.name ?? code;
}

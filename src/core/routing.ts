/**
 * Routing ("canalizar"): which track a report follows, and so which promise it gets, and which
 * department's queue it lands in. The table is configuration an administrator edits; the
 * agent at the counter can still override it for a single report.
 */
import type { ReportType } from './report.js';

export const TRACKS = ['immediate', 'review', 'technical', 'external'] as const;
export type Track = (typeof TRACKS)[number];

/** Why a fault is outside the company's control (the `external` track). */
export const EXTERNAL_CAUSES = [
  'customer_responsibility',
  'natural_disaster',
  'third_party_incident',
] as const;
export type ExternalCause = (typeof EXTERNAL_CAUSES)[number];

export interface RoutingRule {
  track: Track;
  departmentCode: string;
  /** When the request needs documents or an extra procedure, it cannot be settled on the spot. */
  trackWhenDocumentsNeeded?: Track;
}

export type RoutingTable = Record<ReportType, RoutingRule>;

export interface Route {
  track: Track;
  departmentCode: string;
}

/** What the agent decided for this report; anything left out comes from the table. */
export interface RoutingChoices {
  documentsNeeded?: boolean;
  track?: Track;
  departmentCode?: string;
}

export const defaultRoutingTable: RoutingTable = Object.freeze({
  fault: Object.freeze({ track: 'technical', departmentCode: 'soporte_tecnico' }),
  billing_error: Object.freeze({ track: 'review', departmentCode: 'facturacion' }),
  clarification: Object.freeze({ track: 'review', departmentCode: 'facturacion' }),
  administrative_change: Object.freeze({
    track: 'immediate',
    departmentCode: 'atencion_clientes',
    trackWhenDocumentsNeeded: 'review',
  }),
  complaint: Object.freeze({ track: 'review', departmentCode: 'atencion_clientes' }),
  suggestion: Object.freeze({ track: 'review', departmentCode: 'atencion_clientes' }),
});

export function isTrack(value: string): value is Track {
  return (TRACKS as readonly string[]).includes(value);
}

export function routeReport(type: ReportType, choices: RoutingChoices, table: RoutingTable): Route {
  const rule = table[type];
  const tableTrack =
    choices.documentsNeeded && rule.trackWhenDocumentsNeeded ? rule.trackWhenDocumentsNeeded : rule.track;
  return {
    track: choices.track ?? tableTrack,
    departmentCode: choices.departmentCode ?? rule.departmentCode,
  };
}

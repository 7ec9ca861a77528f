/**
 * The routing options on the filing form: which ones apply to the report being filed, and the
 * request fields they become. The rules themselves come from the core (`routeReport`) and the
 * routing table, so the form shows what the server will accept.
 */
import { defaultPromisePolicy } from '../../core/promise.js';
import type { ReportType } from '../../core/report.js';
import type { RouteOptions } from '../../core/requests/file-report.js';
import { type ExternalCause, type RoutingTable, routeReport, type Track } from '../../core/routing.js';

export interface FilingOptions {
  /** A fault that leaves the customer without service. */
  urgent: boolean;
  documentsNeeded: boolean;
  /** '' = as the routing table says. "Ajena a la empresa" is `external` here. */
  track: Track | '';
  /** '' = as the routing table says. */
  department: string;
  externalDays: number;
  externalCause: ExternalCause | '';
}

export const defaultFilingOptions: FilingOptions = Object.freeze({
  urgent: false,
  documentsNeeded: false,
  track: '',
  department: '',
  externalDays: defaultPromisePolicy.externalDefaultDays,
  externalCause: '',
});

/** The fields of a request these options can fill; errors on them sit next to the options. */
export const ROUTING_FIELDS = [
  'track',
  'department',
  'urgent',
  'documentsNeeded',
  'externalDays',
  'externalCause',
] as const;
export type RoutingField = (typeof ROUTING_FIELDS)[number];

export interface ApplicableOptions {
  /** "Urgente (sin servicio)": only the technical track has a shorter promise for it. */
  urgent: boolean;
  /** "Ajena a la empresa": a fault outside the company's control follows the external track. */
  external: boolean;
  /** Days and cause: asked whenever the report ends up on the external track. */
  externalDetails: boolean;
  /** "Requiere documentos": the type has another track for requests that need documents. */
  documentsNeeded: boolean;
}

export interface FilingPlan {
  /** Where the report goes with these options, as far as the table tells (the preview confirms). */
  track: Track;
  departmentCode: string;
  applicable: ApplicableOptions;
  /** The routing fields to send with the preview and the filing; options that do not apply are left out. */
  request: RouteOptions;
}

export function filingPlan(type: ReportType, options: FilingOptions, table: RoutingTable): FilingPlan {
  const rule = table[type];
  const documentsApply = rule.trackWhenDocumentsNeeded !== undefined;
  const documentsNeeded = documentsApply && options.documentsNeeded;
  const route = routeReport(
    type,
    {
      documentsNeeded,
      ...(options.track ? { track: options.track } : {}),
      ...(options.department ? { departmentCode: options.department } : {}),
    },
    table,
  );
  const applicable: ApplicableOptions = {
    urgent: route.track === 'technical',
    external: type === 'fault',
    externalDetails: route.track === 'external',
    documentsNeeded: documentsApply,
  };

  const request: RouteOptions = {};
  if (options.track) request.track = options.track;
  if (options.department) request.department = options.department;
  if (applicable.urgent && options.urgent) request.urgent = true;
  if (documentsNeeded) request.documentsNeeded = true;
  if (applicable.externalDetails) {
    request.externalDays = options.externalDays;
    if (options.externalCause) request.externalCause = options.externalCause;
  }
  return { track: route.track, departmentCode: route.departmentCode, applicable, request };
}

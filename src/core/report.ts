/** The report's vocabulary (DESIGN.md §3–4), shared by the server and the web page. */
import type { Pause, PromiseState } from './promise.js';
import type { ExternalCause, Track } from './routing.js';

export const REPORT_TYPES = [
  'fault',
  'billing_error',
  'clarification',
  'administrative_change',
  'complaint',
  'suggestion',
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const CHANNELS = ['office', 'phone', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_customer',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type ReportStatus = (typeof STATUSES)[number];

export interface ReportLocation {
  text: string;
  lat?: number;
  lng?: number;
}

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 5000;

export interface ReportEvent {
  seq: number;
  kind: string;
  at: Date;
  actor: StaffRef | null;
  data: Record<string, unknown>;
}

/** Who did something, as staff see it. */
export interface StaffRef {
  username: string;
  name: string;
}

/** An item on the checklist of documents asked of the customer. */
export interface RequestedDocument {
  id: string;
  item: string;
  requestedAt: Date;
  /** Null while the customer has not brought it. */
  receivedAt: Date | null;
}

/** A file attached to a report (its bytes are in the attachment storage). */
export interface ReportAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  uploadedAt: Date;
  uploadedBy: StaffRef;
}

export interface Report {
  number: string;
  type: ReportType;
  channel: Channel;
  status: ReportStatus;
  customerNumber: string;
  customerName: string;
  verified: boolean;
  description: string;
  location: ReportLocation | null;
  createdAt: Date;
  createdBy: StaffRef;
  version: number;
  timeline: ReportEvent[];
  /** Null only for reports filed before routing existed. */
  track: Track | null;
  department: { code: string; name: string } | null;
  urgent: boolean;
  documentsNeeded: boolean;
  externalDays: number | null;
  externalCause: ExternalCause | null;
  /** The promise: the first one given plus any time spent waiting on the customer. */
  dueAt: Date | null;
  /** The promise as computed from the filing time, before pauses. */
  baseDueAt: Date | null;
  /** When the promise watch flags it as at risk (moves with the promise). */
  atRiskAt: Date | null;
  /** As last marked by the promise watch, or settled when resolved. */
  promiseState: PromiseState;
  resolvedAt: Date | null;
  promiseKept: boolean | null;
  pauses: Pause[];
  /** Who works it now; null while it waits in its department's queue. */
  assignee: StaffRef | null;
  documents: RequestedDocument[];
  attachments: ReportAttachment[];
}

/**
 * Where the report stands against its promise right now: settled once resolved, stopped
 * while waiting on the customer (the promise moves when the wait ends), otherwise by the
 * clock. The promise watch records the same states as timeline events.
 */
export function livePromiseState(report: Report, now: Date): PromiseState | null {
  if (!report.dueAt) return null;
  if (report.promiseKept !== null) return report.promiseKept ? 'on_track' : 'breached';
  if (report.status === 'cancelled') return report.promiseState;
  if (report.status === 'waiting_customer') return report.promiseState;
  if (now.getTime() > report.dueAt.getTime()) return 'breached';
  if (report.atRiskAt && now.getTime() >= report.atRiskAt.getTime()) return 'at_risk';
  return 'on_track';
}

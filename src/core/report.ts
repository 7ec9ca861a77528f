/** The report's vocabulary (DESIGN.md §3–4), shared by the server and the web page. */

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
}

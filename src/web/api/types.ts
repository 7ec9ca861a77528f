/** What the API sends, as the page reads it. Shapes follow the `/api/v1` contract. */
import type { PromiseState } from '../../core/promise.js';
import type { Channel, ReportLocation, ReportStatus, ReportType } from '../../core/report.js';
import type { ExternalCause, Track } from '../../core/routing.js';

export interface User {
  username: string;
  name: string;
  roles: string[];
  departments: string[];
  /** An administrator set the password: every other route answers 403 until it is changed. */
  mustChangePassword: boolean;
}

export interface CustomerAddress {
  street: string;
  number: string | null;
  colonia: string;
  city: string;
  postalCode: string;
  lat: number | null;
  lng: number | null;
}

export interface Customer {
  customerNumber: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: CustomerAddress;
  billingCycleDay: number;
}

export interface Actor {
  username: string;
  name: string;
}

export interface TimelineEvent {
  kind: string;
  at: string;
  actor: Actor | null;
  data: Record<string, unknown>;
}

export interface PausePeriod {
  from: string;
  /** null while the report is still waiting on the customer. */
  to: string | null;
}

export interface Report {
  /** Ten digits, no dashes. */
  number: string;
  displayNumber?: string;
  type: ReportType;
  channel: Channel;
  status: ReportStatus;
  customerNumber: string | null;
  customer: { name: string } | null;
  verified: boolean;
  description: string;
  location: ReportLocation | null;
  createdAt: string;
  createdBy: Actor;
  /** Sent back as `If-Match` on every change, so two people never overwrite each other. */
  version: number;
  timeline: TimelineEvent[];
  /** Null only for reports filed before routing existed. */
  track: Track | null;
  /** The department's code; `departmentName` is what people read. */
  department: string | null;
  departmentName: string | null;
  urgent: boolean;
  documentsNeeded: boolean;
  externalDays: number | null;
  externalCause: ExternalCause | null;
  /** The promise (UTC); moves later by the time spent waiting on the customer. */
  dueAt: string | null;
  /** The sentence the agent reads to the customer, in the page's language. */
  promiseText: string | null;
  promiseState: PromiseState | null;
  /** Waiting on the customer: the promise clock is stopped. */
  paused: boolean;
  pauses: PausePeriod[];
  resolvedAt: string | null;
  promiseKept: boolean | null;
  /** Who works it now; null while it waits in its department's queue. */
  assignee: Actor | null;
  /** The checklist of documents asked of the customer. */
  documents: RequestedDocument[];
  attachments: ReportAttachment[];
}

export interface RequestedDocument {
  id: string;
  item: string;
  requestedAt: string;
  /** Null while the customer has not brought it. */
  receivedAt: string | null;
}

export interface ReportAttachment {
  id: string;
  name: string;
  /** As detected from the content when it was uploaded. */
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: Actor;
}

/** `POST /api/v1/reports/promise-preview`: what filing now would promise. Nothing is stored. */
export interface PromisePreview {
  track: Track;
  department: string;
  urgent: boolean;
  externalDays: number | null;
  externalCause: ExternalCause | null;
  dueAt: string;
  promiseText: string;
}

export interface Department {
  code: string;
  name: string;
}

/** `GET /api/v1/routing`: where each report type goes unless the agent chooses otherwise. */
export interface RoutingTableResponse {
  rules: Record<string, { track: string; departmentCode: string; trackWhenDocumentsNeeded?: string }>;
  departments: Department[];
}

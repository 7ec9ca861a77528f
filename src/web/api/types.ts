/** What the API sends, as the page reads it. Shapes follow the `/api/v1` contract. */
import type { Channel, ReportLocation, ReportStatus, ReportType } from '../../core/report.js';

export interface User {
  username: string;
  name: string;
  roles: string[];
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

export interface Report {
  /** Ten digits, no dashes. */
  number: string;
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
  version: number;
  timeline: TimelineEvent[];
  // Routing and promises; shown when the API sends them.
  displayNumber?: string;
  track?: string | null;
  /** The department's code; `departmentName` is what people read. */
  department?: string | null;
  departmentName?: string | null;
  dueAt?: string | null;
  promiseText?: string | null;
  promiseState?: string | null;
  paused?: boolean;
}

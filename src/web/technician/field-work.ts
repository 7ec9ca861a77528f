/**
 * The technician's phone view, as plain functions: where a signed-in user lands, which faults
 * are theirs to work, which workflow buttons a field visit needs, and how to open a place in
 * the phone's map app.
 */
import { can } from '../../core/permissions.js';
import type { ReportLocation, ReportStatus } from '../../core/report.js';
import type { CustomerAddress, User } from '../api/types.js';
import { rolesOf } from '../backoffice/assignment-options.js';
import { type TransitionAction, transitionActions } from '../workflow/workflow-actions.js';

export const TECHNICIAN_PATH = '/tecnico';

/** The statuses of a fault still in the technician's hands. */
export const FIELD_STATUSES: readonly ReportStatus[] = ['assigned', 'in_progress', 'waiting_customer'];

/** `GET /api/v1/reports`: the signed-in technician's open faults, by promise. */
export function myFaultsQuery(): string {
  const params = new URLSearchParams({
    assignee: 'me',
    type: 'fault',
    status: FIELD_STATUSES.join(','),
    limit: '100',
  });
  return params.toString();
}

/** Technicians file nothing at the counter: their start page is their list of faults. */
export function homePathFor(user: Pick<User, 'roles'>): string {
  const roles = rolesOf(user);
  return roles.includes('technician') && !can({ roles }, 'reports:file') ? TECHNICIAN_PATH : '/';
}

export function isTechnician(user: Pick<User, 'roles'>): boolean {
  return rolesOf(user).includes('technician');
}

/** Only what a visit needs: start, wait on the customer, resume, resolve. */
const FIELD_KINDS: readonly TransitionAction['kind'][] = ['start', 'pause', 'resume', 'resolve'];

export function fieldActions(status: ReportStatus): TransitionAction[] {
  return transitionActions(status).filter((action) => FIELD_KINDS.includes(action.kind));
}

export interface Coordinates {
  lat: number;
  lng: number;
}

/** Where to go: the spot written on the report if it has one, else the service address. */
export function coordinatesOf(
  location: ReportLocation | null | undefined,
  address: Pick<CustomerAddress, 'lat' | 'lng'> | null | undefined,
): Coordinates | null {
  if (typeof location?.lat === 'number' && typeof location.lng === 'number')
    return { lat: location.lat, lng: location.lng };
  if (typeof address?.lat === 'number' && typeof address.lng === 'number')
    return { lat: address.lat, lng: address.lng };
  return null;
}

/**
 * `geo:` opens the phone's own map app (Android, and iOS through the installed apps); the
 * web map is the fallback for phones that do not handle it.
 */
export function mapLinks({ lat, lng }: Coordinates): { geo: string; web: string } {
  const at = `${lat},${lng}`;
  return { geo: `geo:${at}?q=${at}`, web: `https://www.google.com/maps?q=${at}` };
}

/** `tel:` wants the digits (and a leading +) only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

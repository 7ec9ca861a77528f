/**
 * How a report stands against its promise at this moment, as the report page shows it. The
 * server says whether it is at risk (it knows the policy); the page's own clock only counts
 * down, and turns a promise red the moment it passes, without waiting for the next reload.
 */
import type { PromiseState } from '../../core/promise.js';
import { stopsClock } from '../../core/workflow.js';
import type { PausePeriod, Report } from '../api/types.js';

export type PromiseStanding =
  /** Filed before promises existed. */
  | { kind: 'none' }
  | { kind: 'cancelled' }
  | { kind: 'paused' }
  | { kind: 'kept' }
  | { kind: 'missed' }
  /** `msLeft` is negative once the promise has passed. */
  | { kind: 'running'; state: PromiseState; msLeft: number };

type PromiseFacts = Pick<Report, 'status' | 'dueAt' | 'promiseState' | 'promiseKept' | 'paused'>;

export function promiseStanding(report: PromiseFacts, now: Date): PromiseStanding {
  if (!report.dueAt) return { kind: 'none' };
  if (report.promiseKept !== null) return { kind: report.promiseKept ? 'kept' : 'missed' };
  if (report.status === 'cancelled') return { kind: 'cancelled' };
  if (stopsClock(report.status)) return { kind: 'none' };
  if (report.paused) return { kind: 'paused' };
  const msLeft = new Date(report.dueAt).getTime() - now.getTime();
  const state: PromiseState = msLeft < 0 ? 'breached' : (report.promiseState ?? 'on_track');
  return { kind: 'running', state, msLeft };
}

/** A closed pause lasted until it ended; an open one lasts until now. */
export function pauseLength(pause: PausePeriod, now: Date): number {
  const end = pause.to ? new Date(pause.to).getTime() : now.getTime();
  return Math.max(0, end - new Date(pause.from).getTime());
}

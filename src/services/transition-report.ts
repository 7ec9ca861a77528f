import type { StaffUser } from '../core/permissions.js';
import { promiseKept } from '../core/promise.js';
import type { ReportStatus } from '../core/report.js';
import { promiseAfterPauses } from '../core/report-promise.js';
import { checkTransition } from '../core/workflow.js';
import { type ReportChanges, ReportsRepository } from '../db/repositories/reports.js';
import type { ServiceContext } from './context.js';
import { loadReportForWrite, staleVersion } from './load-report.js';
import { loadPromiseSettings } from './promise-settings.js';
import { noticeCustomer } from './report-notices.js';

export interface TransitionRequest {
  to: ReportStatus;
  reason?: string | undefined;
  resolution?: string | undefined;
}

/**
 * Moves a report along the workflow (the table in core/workflow.ts decides what is allowed)
 * and keeps the promise clock honest: entering `waiting_customer` opens a pause, leaving it
 * closes the pause and pushes the promise later by the time waited; resolving stops the
 * clock and records whether the promise was kept. One transaction, one timeline event.
 */
export async function transitionReport(
  ctx: ServiceContext,
  user: StaffUser | null,
  typedNumber: string,
  request: TransitionRequest,
  expectedVersion?: number,
): Promise<string> {
  const now = ctx.now();
  const settings = await loadPromiseSettings(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const report = await loadReportForWrite(trx, typedNumber, expectedVersion, user);
    const { kind } = checkTransition({
      from: report.status,
      to: request.to,
      reason: request.reason,
      resolution: request.resolution,
      resolvedAt: report.resolvedAt,
      now,
      policy: settings.workflow,
    });
    const reports = new ReportsRepository(trx);
    const changes: ReportChanges = { status: request.to };
    const eventData: Record<string, unknown> = { from: report.status, to: request.to };
    if (request.reason?.trim()) eventData.reason = request.reason.trim();

    if (kind === 'pause') await reports.openPause(report.number, now);
    if (report.status === 'waiting_customer' && report.track && report.baseDueAt) {
      await reports.closePause(report.number, now);
      const pauses = report.pauses.map((p) => (p.to === null ? { from: p.from, to: now } : p));
      const current = promiseAfterPauses({
        track: report.track,
        filedAt: report.createdAt,
        baseDueAt: report.baseDueAt,
        pauses,
        now,
        policy: settings.policy,
        calendar: settings.calendar,
      });
      changes.due_at = current.dueAt.toISOString();
      changes.at_risk_at = current.atRiskAt.toISOString();
      const open = report.pauses.find((p) => p.to === null);
      if (open) eventData.pausedMs = now.getTime() - open.from.getTime();
      eventData.dueAt = current.dueAt.toISOString();
      if (report.dueAt && current.dueAt.getTime() !== report.dueAt.getTime()) {
        eventData.previousDueAt = report.dueAt.toISOString();
      }
    }
    if (kind === 'resolve') {
      const resolution = (request.resolution ?? '').trim();
      changes.resolved_at = now.toISOString();
      eventData.resolution = resolution;
      const dueAt = changes.due_at ? new Date(changes.due_at) : report.dueAt;
      if (dueAt) {
        const kept = promiseKept(dueAt, now);
        changes.promise_kept = kept ? 1 : 0;
        changes.promise_state = kept ? 'on_track' : 'breached';
        eventData.promiseKept = kept;
      }
    }
    if (kind === 'reopen') {
      changes.resolved_at = null;
      changes.promise_kept = null;
    }

    if (!(await reports.update(report.number, report.version, changes, now)))
      throw staleVersion(report.version + 1);
    await reports.record(report.number, {
      kind: 'status_changed',
      actorId: user?.id ?? null,
      at: now,
      data: eventData,
    });
    const after = {
      ...report,
      status: request.to,
      dueAt: changes.due_at ? new Date(changes.due_at) : report.dueAt,
    };
    if (kind === 'pause')
      await noticeCustomer(trx, ctx, after, 'documents_requested', { reason: request.reason?.trim() });
    if (kind === 'resolve')
      await noticeCustomer(trx, ctx, after, 'resolved', { resolution: request.resolution?.trim() });
    if (eventData.previousDueAt) await noticeCustomer(trx, ctx, after, 'promise_moved');
    return report.number;
  });
}

import { randomUUID } from 'node:crypto';
import { NotFound } from '../core/errors.js';
import { searchKey } from '../core/normalize.js';
import type { StaffUser } from '../core/permissions.js';
import type { DocumentsRequest } from '../core/requests/back-office.js';
import { ReportDocumentsRepository } from '../db/repositories/report-documents.js';
import { ReportsRepository } from '../db/repositories/reports.js';
import type { ServiceContext } from './context.js';
import { loadReportForWrite, staleVersion } from './load-report.js';
import { noticeCustomer } from './report-notices.js';
import { transitionReport } from './transition-report.js';

const REASON_MAX = 1000;

/** The items once each, in the order given ("Copia de INE" and "copia de ine" are one). */
function distinct(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = searchKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function reasonFor(items: string[]): string {
  const reason = `Documentos solicitados: ${items.join(', ')}`;
  return reason.length <= REASON_MAX ? reason : `${reason.slice(0, REASON_MAX - 1)}…`;
}

/**
 * Asks the customer for documents: the items join the report's checklist and, unless it is
 * already waiting on the customer, the report moves to `waiting_customer` through the
 * workflow (`transitionReport`), which stops the promise clock and says on the timeline what
 * was asked for, and the customer is sent a notice. The move goes first: a report that
 * cannot wait on the customer (resolved, cancelled) gets a 422 and no checklist items.
 */
export async function requestDocuments(
  ctx: ServiceContext,
  user: StaffUser,
  typedNumber: string,
  request: DocumentsRequest,
  expectedVersion?: number,
): Promise<string> {
  const items = distinct(request.items);
  const current = await loadReportForWrite(ctx.db, typedNumber, expectedVersion, user);
  let version = expectedVersion;
  const moves = current.status !== 'waiting_customer';
  if (moves) {
    await transitionReport(
      ctx,
      user,
      current.number,
      { to: 'waiting_customer', reason: reasonFor(items) },
      expectedVersion,
    );
    // The version the client saw is spent on the move; the checklist follows on what it left.
    version = undefined;
  }
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await loadReportForWrite(trx, current.number, version, user);
    const reports = new ReportsRepository(trx);
    if (!(await reports.update(report.number, report.version, {}, now)))
      throw staleVersion(report.version + 1);
    const added = items.map((item) => ({ id: randomUUID(), item }));
    await new ReportDocumentsRepository(trx).add(report.number, added, user.id, now);
    await reports.record(report.number, {
      kind: 'documents_requested',
      actorId: user.id,
      at: now,
      data: { items: added },
    });
    // The move to waiting told the customer already (transitionReport); more items asked of a
    // report that was waiting are news of their own.
    if (!moves) await noticeCustomer(trx, ctx, report, 'documents_requested', { reason: reasonFor(items) });
    return report.number;
  });
}

/** Ticks one item off the checklist, with an event. Marking it again changes nothing. */
export async function markDocumentReceived(
  ctx: ServiceContext,
  user: StaffUser,
  typedNumber: string,
  documentId: string,
  expectedVersion?: number,
): Promise<string> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await loadReportForWrite(trx, typedNumber, expectedVersion, user);
    const documents = new ReportDocumentsRepository(trx);
    const document = await documents.find(report.number, documentId);
    if (!document) throw new NotFound('Ese documento no está en la lista del reporte.');
    if (document.receivedAt) return report.number;
    const reports = new ReportsRepository(trx);
    if (!(await reports.update(report.number, report.version, {}, now)))
      throw staleVersion(report.version + 1);
    if (!(await documents.markReceived(report.number, documentId, user.id, now))) return report.number;
    await reports.record(report.number, {
      kind: 'document_received',
      actorId: user.id,
      at: now,
      data: { id: document.id, item: document.item },
    });
    return report.number;
  });
}

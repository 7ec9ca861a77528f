import { createHash } from 'node:crypto';
import { localDateOf } from '../core/calendar.js';
import { billingCycleOf } from '../core/customer.js';
import { Conflict, NotFound, Unavailable } from '../core/errors.js';
import type { StaffUser } from '../core/permissions.js';
import { atRiskAt } from '../core/promise.js';
import type { Report } from '../core/report.js';
import { composeReportNumber, MAX_SEQUENCE_IN_PERIOD, numberPeriod } from '../core/report-number.js';
import { planPromise } from '../core/report-promise.js';
import type { FileReportRequest } from '../core/requests/file-report.js';
import { inWriteTransaction } from '../db/group-commit.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import { asFiled, type NewEvent, type NewReport, ReportsRepository } from '../db/repositories/reports.js';
import { indexNewReportText } from '../db/text-index.js';
import type { ServiceContext } from './context.js';
import { promiseChoicesOf, requireDepartment } from './promise-choices.js';
import { loadPromiseSettings } from './promise-settings.js';
import { noticeCustomer } from './report-notices.js';
import { invoiceMatches } from './verify-customer.js';

export function periodOf(instant: Date): string {
  const [year, month] = localDateOf(instant).split('-').map(Number);
  return numberPeriod(year as number, month as number);
}

function requestFingerprint(request: FileReportRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/** A second writer inserted the same idempotency key first (PostgreSQL unique violation). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface FiledReport {
  report: Report;
  /** True when an earlier request with the same idempotency key had already filed it. */
  replayed: boolean;
}

/**
 * Files a report and gives it its number, all in one transaction: the number is allocated,
 * the report and its "filed" event stored, and the idempotency key remembered together, so a
 * number is never handed out without its report, and a retried request finds the report its
 * first attempt filed instead of filing a second one.
 */
export async function fileReport(
  ctx: ServiceContext,
  user: StaffUser,
  request: FileReportRequest,
  idempotencyKey?: string,
): Promise<FiledReport> {
  const fingerprint = requestFingerprint(request);
  const replay = async (): Promise<FiledReport | undefined> => {
    if (!idempotencyKey) return undefined;
    const reports = new ReportsRepository(ctx.db);
    const earlier = await reports.findIdempotent(user.id, idempotencyKey);
    if (!earlier) return undefined;
    if (earlier.requestHash !== fingerprint) {
      throw new Conflict(
        'Esta clave de idempotencia ya se usó con otra solicitud.',
        'idempotency_key_reused',
      );
    }
    const report = await reports.find(earlier.reportNumber);
    if (!report) throw new Error(`idempotency key points at missing report ${earlier.reportNumber}`);
    return { report, replayed: true };
  };

  const earlier = await replay();
  if (earlier) return earlier;

  const now = ctx.now();
  let report: Report;
  try {
    const settings = await loadPromiseSettings(ctx.db);
    // Filings arriving together share one commit on SQLite (see group-commit.ts).
    report = await inWriteTransaction(
      ctx.db,
      async (trx) => {
        const customers = new CustomersRepository(trx);
        const reports = new ReportsRepository(trx);
        const customer = await customers.findToFileFor(request.customerNumber);
        if (!customer) throw new NotFound(`No existe el cliente ${request.customerNumber}.`);
        const promise = planPromise(
          request.type,
          promiseChoicesOf(request),
          billingCycleOf(customer),
          now,
          settings,
        );
        const departmentName = await requireDepartment(trx, promise.departmentCode);
        const verified =
          request.invoiceNumber !== undefined &&
          invoiceMatches(request.invoiceNumber, await customers.latestInvoiceNumber(request.customerNumber));
        const period = periodOf(now);
        const sequence = await reports.nextSequence(period);
        if (sequence > MAX_SEQUENCE_IN_PERIOD) {
          throw new Unavailable('Se agotaron los números de reporte de este mes; avise al administrador.');
        }
        const allocated = composeReportNumber(period, sequence);
        const filed: NewReport = {
          number: allocated,
          customerNumber: request.customerNumber,
          customerName: customer.name,
          type: request.type,
          channel: request.channel,
          status: 'new',
          description: request.description,
          location: request.location ?? null,
          verified,
          createdAt: now,
          createdBy: user.id,
          track: promise.track,
          departmentCode: promise.departmentCode,
          urgent: promise.urgent,
          documentsNeeded: promise.documentsNeeded,
          externalDays: promise.externalDays,
          externalCause: promise.externalCause,
          dueAt: promise.dueAt,
          atRiskAt: atRiskAt({ filedAt: now, dueAt: promise.dueAt, policy: settings.policy }),
        };
        await reports.insert(filed);
        const filedEvent: NewEvent = {
          kind: 'filed',
          actorId: user.id,
          at: now,
          data: {
            type: request.type,
            channel: request.channel,
            verified,
            track: promise.track,
            department: promise.departmentCode,
            dueAt: promise.dueAt.toISOString(),
          },
        };
        await reports.appendEvent(allocated, filedEvent, 1);
        await noticeCustomer(
          trx,
          ctx,
          {
            number: allocated,
            type: request.type,
            status: 'new',
            dueAt: promise.dueAt,
            customerNumber: request.customerNumber,
          },
          'filed',
          {},
          customer,
        );
        if (idempotencyKey)
          await reports.rememberIdempotent(user.id, idempotencyKey, fingerprint, allocated, now);
        return asFiled(
          filed,
          {
            customerName: customer.name,
            createdBy: { username: user.username, name: user.name },
            departmentName,
          },
          filedEvent,
        );
        // The batch's reports enter the text index together, once (src/db/text-index.ts).
      },
      indexNewReportText,
    );
  } catch (error) {
    // Two retries of one request racing on PostgreSQL: the loser's transaction (and its
    // number) rolled back whole; answer with the winner's report.
    if (idempotencyKey && isUniqueViolation(error)) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
  return { report, replayed: false };
}

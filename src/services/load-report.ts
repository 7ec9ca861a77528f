import type { Kysely } from 'kysely';
import { Conflict, NotFound } from '../core/errors.js';
import { canSeeDepartment, type StaffUser } from '../core/permissions.js';
import type { Report } from '../core/report.js';
import { ReportsRepository } from '../db/repositories/reports.js';
import type { Database } from '../db/schema.js';
import { parseTypedNumber } from './get-report.js';

/**
 * The report a write is about, read inside the write's transaction. When the client sent
 * `If-Match` with the version it saw, an older version is a 409 `stale_version` naming the
 * current one, so two staff never overwrite each other's work silently.
 */
export async function loadReportForWrite(
  db: Kysely<Database>,
  typed: string,
  expectedVersion: number | undefined,
  viewer: StaffUser | null,
): Promise<Report> {
  const number = parseTypedNumber(typed);
  const report = await new ReportsRepository(db).find(number);
  // The system itself (viewer null: the promise watch) sees every report.
  if (!report || (viewer && !canSeeDepartment(viewer, report.department?.code ?? null))) {
    throw new NotFound(`No existe el reporte ${typed.trim()}.`);
  }
  if (expectedVersion !== undefined && expectedVersion !== report.version) throw staleVersion(report.version);
  return report;
}

export function staleVersion(current: number): Conflict {
  return new Conflict(
    `Otra persona modificó este reporte (versión actual ${current}); vuelva a cargarlo.`,
    'stale_version',
  );
}

import { InvalidInput, NotFound } from '../core/errors.js';
import { canSeeDepartment, type StaffUser } from '../core/permissions.js';
import type { Report } from '../core/report.js';
import { parseReportNumber } from '../core/report-number.js';
import { ReportsRepository } from '../db/repositories/reports.js';
import type { ServiceContext } from './context.js';

/**
 * The number a person typed, checked. A typo (wrong check digit) is a 400 the agent can
 * correct, told apart from a number that is well formed but unknown (404, by the caller).
 */
export function parseTypedNumber(typed: string): string {
  const parsed = parseReportNumber(typed);
  if (parsed.ok) return parsed.number;
  if (parsed.reason === 'check_digit_mismatch') {
    throw new InvalidInput(
      'El dígito verificador no coincide: revise el número de reporte.',
      [{ path: 'number', message: 'El dígito verificador no coincide.' }],
      'check_digit_mismatch',
    );
  }
  throw new InvalidInput(
    'Un número de reporte tiene 10 dígitos, por ejemplo 2611-00042-7.',
    [{ path: 'number', message: 'Formato de número de reporte no válido.' }],
    'invalid_report_number',
  );
}

/**
 * A report the viewer may see. A report outside the viewer's departments is answered exactly
 * as a report that does not exist: its number tells nothing about it.
 */
export async function getReport(ctx: ServiceContext, typed: string, viewer: StaffUser): Promise<Report> {
  const report = await new ReportsRepository(ctx.db).find(parseTypedNumber(typed));
  if (!report || !canSeeDepartment(viewer, report.department?.code ?? null)) {
    throw new NotFound(`No existe el reporte ${typed.trim()}.`);
  }
  return report;
}

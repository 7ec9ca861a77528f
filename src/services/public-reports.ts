import { InvalidInput, NotFound, RuleBroken } from '../core/errors.js';
import type { StaffUser } from '../core/permissions.js';
import type { Report } from '../core/report.js';
import type { SelfServiceReportRequest } from '../core/requests/file-report.js';
import { SELF_SERVICE_USER_ID } from '../db/migrations/005_public_access.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import { ReportsRepository } from '../db/repositories/reports.js';
import type { ServiceContext } from './context.js';
import { fileReport } from './file-report.js';
import { parseTypedNumber } from './get-report.js';
import { consume, LOOKUP_PER_ADDRESS, LOOKUP_PER_NUMBER, SELF_FILING_PER_ADDRESS } from './rate-limit.js';
import { invoiceMatches } from './verify-customer.js';

/** The account self-service reports are filed under (it cannot sign in). */
const SELF_SERVICE: StaffUser = {
  id: SELF_SERVICE_USER_ID,
  username: 'autoservicio',
  name: 'Autoservicio web',
  roles: [],
  departments: [],
  mustChangePassword: false,
};

const NOT_FOUND_FOR_PAIR = 'No encontramos un reporte con ese número para ese número de cliente.';

/**
 * A customer follows up their report with its number and their customer number. A wrong pair
 * and an unknown number get the same 404, so the page cannot be used to learn which numbers
 * exist; a mistyped number (check digit) is told so the customer can correct it.
 */
export async function lookupPublicReport(
  ctx: ServiceContext,
  request: { number: string; customerNumber: string },
  ip: string,
): Promise<Report> {
  const now = ctx.now();
  await consume(ctx.db, LOOKUP_PER_ADDRESS, ip, now);
  const number = parseTypedNumber(request.number);
  await consume(ctx.db, LOOKUP_PER_NUMBER, number, now);
  const report = await new ReportsRepository(ctx.db).find(number);
  if (!report || report.customerNumber !== request.customerNumber) throw new NotFound(NOT_FOUND_FOR_PAIR);
  return report;
}

/**
 * Self-service filing: the customer number and the last invoice number must both match, and
 * a mismatch does not say which one was wrong. Channel `web`; the promise is the same one an
 * agent would give.
 */
export async function fileSelfServiceReport(
  ctx: ServiceContext,
  request: SelfServiceReportRequest,
  ip: string,
): Promise<Report> {
  await consume(ctx.db, SELF_FILING_PER_ADDRESS, ip, ctx.now());
  if (request.website) {
    throw new InvalidInput(
      'No pudimos registrar su reporte; intente de nuevo o llámenos.',
      undefined,
      'rejected',
    );
  }
  const customers = new CustomersRepository(ctx.db);
  const known = await customers.exists(request.customerNumber);
  const latest = known ? await customers.latestInvoiceNumber(request.customerNumber) : undefined;
  if (!known || !invoiceMatches(request.invoiceNumber, latest)) {
    throw new RuleBroken(
      'El número de cliente y el último número de factura no coinciden con nuestros registros. Revíselos en su recibo.',
      'customer_not_verified',
    );
  }
  const { report } = await fileReport(ctx, SELF_SERVICE, {
    customerNumber: request.customerNumber,
    invoiceNumber: request.invoiceNumber,
    channel: 'web',
    type: request.type,
    description: request.description,
    ...(request.location ? { location: request.location } : {}),
  });
  return report;
}

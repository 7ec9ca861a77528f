import { billingCycleOf } from '../core/customer.js';
import { NotFound } from '../core/errors.js';
import { type PlannedPromise, planPromise } from '../core/report-promise.js';
import type { PromisePreviewRequest } from '../core/requests/file-report.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import type { ServiceContext } from './context.js';
import { promiseChoicesOf, requireDepartment } from './promise-choices.js';
import { loadPromiseSettings } from './promise-settings.js';

/**
 * The track, department and promise a report would get if filed now — what the agent reads to
 * the customer before saving. The same planning as filing, so the preview never disagrees.
 */
export async function previewPromise(
  ctx: ServiceContext,
  request: PromisePreviewRequest,
): Promise<PlannedPromise> {
  const customer = await new CustomersRepository(ctx.db).find(request.customerNumber);
  if (!customer) throw new NotFound(`No existe el cliente ${request.customerNumber}.`);
  const settings = await loadPromiseSettings(ctx.db);
  const plan = planPromise(
    request.type,
    promiseChoicesOf(request),
    billingCycleOf(customer),
    ctx.now(),
    settings,
  );
  await requireDepartment(ctx.db, plan.departmentCode);
  return plan;
}

import type { Kysely } from 'kysely';
import type { Customer } from '../core/customer.js';
import type { NoticeKind } from '../core/notices.js';
import type { Report } from '../core/report.js';
import { CustomersRepository } from '../db/repositories/customers.js';
import type { Database } from '../db/schema.js';
import type { ServiceContext } from './context.js';
import { enqueueNotices } from './notices.js';

/**
 * Queues the customer's notice about a change, inside the change's own transaction: the
 * notice exists exactly when the change committed, and sending it (by the notice worker,
 * later) can never slow down or fail the change.
 */
export async function noticeCustomer(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  report: Pick<Report, 'number' | 'type' | 'status' | 'dueAt' | 'customerNumber'>,
  kind: NoticeKind,
  extra: { reason?: string | undefined; resolution?: string | undefined } = {},
  /** The customer when the caller has just read it (filing does), to spare a second read. */
  known?: Pick<Customer, 'email' | 'phone'>,
): Promise<void> {
  // No channel configured: nothing would be queued, so read nothing.
  if (ctx.noticeChannels?.length === 0) return;
  const customer = known ?? (await new CustomersRepository(trx).find(report.customerNumber));
  if (!customer || (!customer.email && !customer.phone)) return;
  await enqueueNotices(trx, {
    report,
    customer: { email: customer.email, phone: customer.phone },
    kind,
    extra,
    now: ctx.now(),
    ...(ctx.noticeChannels ? { channels: ctx.noticeChannels } : {}),
  });
}

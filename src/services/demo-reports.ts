import type { StaffUser } from '../core/permissions.js';
import { DEMO_REPORTS, type DemoStep, demoCustomers, demoInvoices } from '../db/demo-data.js';
import { asStaffUser, UsersRepository } from '../db/repositories/users.js';
import { addNote } from './add-note.js';
import { assignReport } from './assign-report.js';
import type { ServiceContext } from './context.js';
import { fileReport } from './file-report.js';
import { requestDocuments } from './request-documents.js';
import { transitionReport } from './transition-report.js';

const HOUR_MS = 3_600_000;

/**
 * Files the demo reports (`DEMO_REPORTS`) through the same use cases the API runs — numbers,
 * routing, promises and timelines are Folio's own — each at its hour in the past, so the queue
 * shows reports on track, at risk and past their promise. Only right after `loadDemoData`
 * loaded the customers (`loadedAt`, the time their bills were issued from): never on a database
 * someone already works with. Returns the numbers filed, in `DEMO_REPORTS` order.
 */
export async function fileDemoReports(ctx: ServiceContext, loadedAt: Date): Promise<string[]> {
  const start = loadedAt.getTime();
  // Demo customers are made up: no notice is queued for them, whatever channels are set up.
  const at = (hoursAgo: number): ServiceContext => ({
    ...ctx,
    now: () => new Date(start - hoursAgo * HOUR_MS),
    noticeChannels: [],
  });
  const users = new UsersRepository(ctx.db);
  const staff = new Map<string, StaffUser>();
  const user = async (username: string): Promise<StaffUser> => {
    let found = staff.get(username);
    if (!found) {
      const withSecret = await users.findByUsername(username);
      if (!withSecret) throw new Error(`demo user ${username} is missing`);
      found = asStaffUser(withSecret);
      staff.set(username, found);
    }
    return found;
  };
  const customers = demoCustomers();
  const numbers: string[] = [];
  for (const demo of DEMO_REPORTS) {
    const customer = customers[demo.customer];
    if (!customer) throw new Error(`demo customer ${demo.customer} is missing`);
    const { report } = await fileReport(at(demo.hoursAgo), await user(demo.filedBy), {
      customerNumber: customer.customerNumber,
      // The latest bill, the one that verifies.
      ...(demo.withInvoice ? { invoiceNumber: demoInvoices(customer, loadedAt).at(-1)?.number } : {}),
      channel: demo.channel,
      type: demo.type,
      description: demo.description,
      ...(demo.location
        ? { location: { text: demo.location, lat: customer.address.lat, lng: customer.address.lng } }
        : {}),
    });
    for (const step of demo.steps) await take(at(step.hoursAgo), await user(step.by), report.number, step);
    numbers.push(report.number);
  }
  return numbers;
}

async function take(ctx: ServiceContext, user: StaffUser, number: string, step: DemoStep): Promise<void> {
  if ('assign' in step) await assignReport(ctx, user, number, { assignee: step.assign });
  else if ('to' in step)
    await transitionReport(ctx, user, number, {
      to: step.to,
      ...(step.resolution ? { resolution: step.resolution } : {}),
    });
  else if ('note' in step) await addNote(ctx, user, number, { text: step.note, visibility: step.visibility });
  else await requestDocuments(ctx, user, number, { items: step.requestDocuments });
}

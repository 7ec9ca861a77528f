import { Forbidden } from '../core/errors.js';
import { can, type StaffUser } from '../core/permissions.js';
import type { NoteRequest } from '../core/requests/back-office.js';
import { ReportsRepository } from '../db/repositories/reports.js';
import type { ServiceContext } from './context.js';
import { loadReportForWrite, staleVersion } from './load-report.js';

/**
 * A note on the timeline. `customer` notes are part of what the customer reads on the status
 * page; `internal` ones stay among staff. A note moves the version on like any other write:
 * someone about to change the report with an older version should read the note first, and
 * the version bump holds the report's row while the event's sequence is taken.
 */
export async function addNote(
  ctx: ServiceContext,
  user: StaffUser,
  typedNumber: string,
  request: NoteRequest,
  expectedVersion?: number,
): Promise<string> {
  if (request.visibility === 'internal' && !can(user, 'reports:note_internal')) {
    throw new Forbidden(
      'Su cuenta solo puede escribir notas visibles para el cliente.',
      'internal_note_forbidden',
    );
  }
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await loadReportForWrite(trx, typedNumber, expectedVersion, user);
    const reports = new ReportsRepository(trx);
    if (!(await reports.update(report.number, report.version, {}, now)))
      throw staleVersion(report.version + 1);
    await reports.record(report.number, {
      kind: 'note',
      actorId: user.id,
      at: now,
      data: { text: request.text, visibility: request.visibility },
    });
    return report.number;
  });
}

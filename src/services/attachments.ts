import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_TYPES, isAcceptedType, safeAttachmentName } from '../core/attachments.js';
import { NotFound, PayloadTooLarge, UnsupportedMediaType } from '../core/errors.js';
import type { StaffUser } from '../core/permissions.js';
import { ReportAttachmentsRepository } from '../db/repositories/report-attachments.js';
import { ReportsRepository } from '../db/repositories/reports.js';
import type { AttachmentStorage } from '../storage/attachment-storage.js';
import type { ServiceContext } from './context.js';
import { getReport } from './get-report.js';
import { loadReportForWrite, staleVersion } from './load-report.js';

export interface Upload {
  /** As the client named it; made safe before it is stored. */
  fileName: string | undefined;
  content: Buffer;
}

export function tooLarge(maxBytes: number): PayloadTooLarge {
  return new PayloadTooLarge(
    `El archivo pasa del límite de ${Math.round(maxBytes / (1024 * 1024))} MB; envíe uno más pequeño.`,
  );
}

/** What the bytes are, whatever the name or the client's Content-Type says. */
async function acceptedTypeOf(content: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !isAcceptedType(detected.mime)) {
    throw new UnsupportedMediaType(
      `Solo se aceptan archivos ${Object.values(ATTACHMENT_TYPES)
        .filter((ext, i, all) => all.indexOf(ext) === i)
        .map((ext) => ext.toUpperCase())
        .join(', ')}.`,
    );
  }
  return detected.mime;
}

/**
 * Attaches a file to a report. Nothing is stored unless the report is the user's to see, the
 * file is within the limit and its content is one of the accepted types. The bytes go to the
 * storage before the row is written: an upload whose transaction then fails leaves an
 * unreferenced file (harmless, and possibly shared by hash with another attachment, so it is
 * not deleted), never a row pointing at nothing.
 */
export async function addAttachment(
  ctx: ServiceContext,
  storage: AttachmentStorage,
  user: StaffUser,
  typedNumber: string,
  upload: Upload,
  maxBytes: number,
  expectedVersion?: number,
): Promise<string> {
  const visible = await loadReportForWrite(ctx.db, typedNumber, expectedVersion, user);
  if (upload.content.length > maxBytes) throw tooLarge(maxBytes);
  const contentType = await acceptedTypeOf(upload.content);
  const name = safeAttachmentName(upload.fileName, contentType);
  const sha256 = await storage.put(upload.content);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const report = await loadReportForWrite(trx, visible.number, expectedVersion, user);
    const reports = new ReportsRepository(trx);
    if (!(await reports.update(report.number, report.version, {}, now)))
      throw staleVersion(report.version + 1);
    const id = randomUUID();
    await new ReportAttachmentsRepository(trx).insert({
      id,
      reportNumber: report.number,
      name,
      contentType,
      size: upload.content.length,
      sha256,
      uploadedAt: now,
      uploadedBy: user.id,
    });
    await reports.record(report.number, {
      kind: 'attachment_added',
      actorId: user.id,
      at: now,
      data: { id, name, contentType, size: upload.content.length },
    });
    return report.number;
  });
}

export interface AttachmentDownload {
  name: string;
  contentType: string;
  size: number;
  content: Readable;
}

/** An attachment's bytes, for staff who can see its report (anyone else: not found). */
export async function openAttachment(
  ctx: ServiceContext,
  storage: AttachmentStorage,
  viewer: StaffUser,
  typedNumber: string,
  id: string,
): Promise<AttachmentDownload> {
  const report = await getReport(ctx, typedNumber, viewer);
  const attachment = await new ReportAttachmentsRepository(ctx.db).find(report.number, id);
  if (!attachment) throw new NotFound('Ese archivo no está en el reporte.');
  return {
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    content: await storage.get(attachment.sha256),
  };
}

/** What the back-office panels read out of a report: its notes, checklist and files. */
import type { NoteVisibility } from '../../core/requests/back-office.js';
import type { Actor, ReportAttachment, TimelineEvent } from '../api/types.js';
import { reportUrl } from '../reports/report-api.js';

export interface Note {
  text: string;
  visibility: NoteVisibility;
  at: string;
  actor: Actor | null;
}

/** The notes on the timeline, newest first. */
export function notesOf(timeline: readonly TimelineEvent[]): Note[] {
  const notes: Note[] = [];
  for (const event of timeline) {
    if (event.kind !== 'note') continue;
    const { text, visibility } = event.data;
    if (typeof text !== 'string') continue;
    notes.push({
      text,
      // A note whose visibility is unknown is treated as internal: never shown as the customer's.
      visibility: visibility === 'customer' ? 'customer' : 'internal',
      at: event.at,
      actor: event.actor,
    });
  }
  return notes.reverse();
}

/** What the office asks for most; anything else is typed. */
export const QUICK_DOCUMENT_KEYS = ['idCopy', 'proofOfAddress'] as const;
export type QuickDocumentKey = (typeof QUICK_DOCUMENT_KEYS)[number];

/** The items to request: the ticked quick picks and the typed ones, each once, blanks left out. */
export function documentItems(picked: readonly string[], typed: readonly string[]): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of [...picked, ...typed]) {
    const item = raw.trim().replace(/\s+/g, ' ');
    const key = item.toLocaleLowerCase('es-MX').normalize('NFD').replace(/\p{M}/gu, '');
    if (item.length === 0 || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

export function attachmentUrl(reportNumber: string, attachmentId: string): string {
  return `${reportUrl(reportNumber)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** Browsers draw these in an `<img>`; HEIC (iPhone photos) and PDF are offered as downloads. */
const THUMBNAIL_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export function hasThumbnail(attachment: Pick<ReportAttachment, 'contentType'>): boolean {
  return THUMBNAIL_TYPES.includes(attachment.contentType.toLowerCase());
}

/** The types the server accepts (it checks the content; this only narrows the file picker). */
export const ATTACHMENT_ACCEPT =
  'application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif,.pdf,.jpg,.jpeg,.png,.webp,.heic,.heif';

export function formatFileSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
  if (bytes < 1024) return format(bytes, 'B');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
  return format(bytes / (1024 * 1024), 'MB');
}

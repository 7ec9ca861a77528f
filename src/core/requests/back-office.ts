import { z } from 'zod';
import { isLocalDate } from '../calendar.js';
import { PROMISE_STATES } from '../promise.js';
import { CHANNELS, REPORT_TYPES, STATUSES } from '../report.js';
import { TRACKS } from '../routing.js';
import { departmentCodeField, msg } from './fields.js';

/** `POST /api/v1/reports/{number}/assignment`: a username, `me` (take it), or null (unassign). */
export const assignmentRequest = z.strictObject({
  assignee: z
    .string(msg('assignee'))
    .trim()
    .regex(/^[a-z0-9._-]{1,40}$/i, msg('assignee'))
    .nullable(),
});
export type AssignmentRequestBody = z.infer<typeof assignmentRequest>;

export const NOTE_VISIBILITIES = ['internal', 'customer'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/** `POST /api/v1/reports/{number}/notes`. */
export const noteRequest = z.strictObject({
  text: z.string(msg('note_text')).trim().min(1, msg('note_text')).max(5000, msg('note_text')),
  visibility: z.enum(NOTE_VISIBILITIES, msg('visibility')),
});
export type NoteRequest = z.infer<typeof noteRequest>;

/** `POST /api/v1/reports/{number}/documents`: e.g. "copia de identificación". */
export const documentsRequest = z.strictObject({
  items: z
    .array(
      z.string(msg('document_items')).trim().min(2, msg('document_items')).max(200, msg('document_items')),
      msg('document_items'),
    )
    .min(1, msg('document_items'))
    .max(20, msg('document_items')),
});
export type DocumentsRequest = z.infer<typeof documentsRequest>;

/** `status=new&status=assigned` and `status=new,assigned` alike. */
function listOf<T extends readonly [string, ...string[]]>(values: T, key: Parameters<typeof msg>[0]) {
  return z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    z
      .array(z.enum(values, msg(key)))
      .min(1, msg(key))
      .max(values.length, msg(key)),
  );
}

const dateOrTime = z
  .string(msg('date_or_time'))
  .trim()
  .refine(
    (value) =>
      isLocalDate(value) ||
      (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
        !Number.isNaN(Date.parse(value))),
    msg('date_or_time'),
  );

export const QUEUE_SORTS = ['promise', 'created', '-created'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/**
 * `GET /api/v1/reports`: the back office's queue filters. Lists take repeated parameters or
 * commas; `assignee` is a username, `me` or `none`; a created bound given as a date is a whole
 * day in Rioverde (`createdTo=2026-11-30` includes that day).
 */
/**
 * The fewest characters a word search (`q`) takes: words are found through trigram indexes,
 * which cannot look up less, and without them a search reads every report. The web page waits
 * for this many before it asks.
 */
export const SHORTEST_SEARCH_TERM = 3;

export const reportQueueQuery = z.strictObject({
  promise: z.enum(PROMISE_STATES, msg('invalid')).optional(),
  department: departmentCodeField.optional(),
  status: listOf(STATUSES, 'status').optional(),
  assignee: z
    .string(msg('assignee'))
    .trim()
    .regex(/^[a-z0-9._-]{1,40}$/i, msg('assignee'))
    .optional(),
  type: listOf(REPORT_TYPES, 'type').optional(),
  track: listOf(TRACKS, 'track').optional(),
  channel: listOf(CHANNELS, 'channel').optional(),
  colonia: z.string(msg('search')).trim().min(1, msg('search')).max(100, msg('search')).optional(),
  createdFrom: dateOrTime.optional(),
  createdTo: dateOrTime.optional(),
  q: z.string(msg('search')).trim().min(1, msg('search')).max(100, msg('search')).optional(),
  sort: z.enum(QUEUE_SORTS, msg('sort')).default('promise'),
  limit: z.coerce
    .number<string>(msg('invalid'))
    .int(msg('invalid'))
    .min(1, msg('invalid'))
    .max(200, msg('invalid'))
    .default(50),
  cursor: z.string().max(200).optional(),
});
export type ReportQueueQuery = z.infer<typeof reportQueueQuery>;

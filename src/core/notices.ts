/**
 * What Folio tells a customer by e-mail and SMS, and how the text is made. Templates hold
 * `{{placeholder}}`s filled only from the report's public face (number, type, status,
 * promise, the reason or resolution written for the customer) and the office's contact data:
 * never internal notes, staff names or departments, since the values offered are all there is.
 */
import { z } from 'zod';
import { phoneDigits } from './normalize.js';
import { promiseText } from './promise-text.js';
import type { ReportStatus, ReportType } from './report.js';
import { formatReportNumber } from './report-number.js';
import { msg } from './requests/fields.js';

export const NOTICE_KINDS = ['filed', 'documents_requested', 'resolved', 'promise_moved'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_CHANNELS = ['email', 'sms'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** `sms` is the short text for a text message; without it the SMS carries `text`. */
export interface NoticeTemplate {
  subject: string;
  text: string;
  sms?: string;
}
export type NoticeTemplates = Record<NoticeKind, NoticeTemplate>;
/** What an administrator stored: any kind or field left out keeps the default. */
export type NoticeTemplateOverrides = Partial<Record<NoticeKind, Partial<NoticeTemplate>>>;

export const NOTICE_PLACEHOLDERS = [
  'number',
  'type',
  'status',
  'promise',
  'reason',
  'resolution',
  'officeName',
  'officePhones',
  'officeHours',
  'officeAddress',
] as const;
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];
export type NoticeValues = Record<NoticePlaceholder, string>;

export const REPORT_TYPE_NAMES: Record<ReportType, string> = {
  fault: 'falla',
  billing_error: 'error en datos de facturación',
  clarification: 'aclaración',
  administrative_change: 'cambio administrativo',
  complaint: 'queja',
  suggestion: 'sugerencia',
};

/** The status as a customer would say it, not as staff track it. */
export const STATUS_WORDS: Record<ReportStatus, string> = {
  new: 'recibido',
  assigned: 'asignado a un equipo',
  in_progress: 'en atención',
  waiting_customer: 'en espera de lo que le solicitamos',
  resolved: 'resuelto',
  closed: 'cerrado',
  cancelled: 'cancelado',
};

const SIGNATURE = '{{officeName}}\nTeléfonos: {{officePhones}}\nHorario: {{officeHours}}';

export const DEFAULT_NOTICE_TEMPLATES: NoticeTemplates = {
  filed: {
    subject: 'Reporte {{number}} recibido',
    text: `Recibimos su reporte de {{type}} con el número {{number}}.

{{promise}}.

Guarde este número: con él puede preguntar por su reporte en la oficina o por teléfono.

${SIGNATURE}`,
    sms: 'Reporte {{number}} recibido ({{type}}). {{promise}}. Dudas: {{officePhones}}',
  },
  documents_requested: {
    subject: 'Su reporte {{number}} necesita algo de usted',
    text: `Para continuar con su reporte {{number}} ({{type}}) necesitamos lo siguiente:

{{reason}}

Mientras tanto, el plazo de atención queda en pausa y se reanuda en cuanto lo recibamos. Puede traerlo a la oficina ({{officeAddress}}) o llamarnos.

${SIGNATURE}`,
    sms: 'Reporte {{number}}: para continuar necesitamos: {{reason}}. Dudas: {{officePhones}}',
  },
  resolved: {
    subject: 'Su reporte {{number}} quedó resuelto',
    text: `Su reporte {{number}} ({{type}}) quedó resuelto.

{{resolution}}

Si el problema continúa, llámenos y mencione el número de su reporte.

${SIGNATURE}`,
    sms: 'Reporte {{number}} resuelto: {{resolution}}. Si continúa, llame al {{officePhones}}',
  },
  promise_moved: {
    subject: 'Nueva fecha para su reporte {{number}}',
    text: `La fecha de atención de su reporte {{number}} ({{type}}) cambió.

{{promise}}.

Estado actual: {{status}}.

${SIGNATURE}`,
    sms: 'Reporte {{number}}: {{promise}}. Dudas: {{officePhones}}',
  },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

function isPlaceholder(name: string): name is NoticePlaceholder {
  return (NOTICE_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Fills `{{name}}` with its value. Only names in NOTICE_PLACEHOLDERS are filled; anything else
 * is left as written, so a typo shows in the message instead of vanishing. The template is
 * text, never code, and values are inserted once: a `{{…}}` inside a value stays literal.
 */
export function renderTemplate(template: string, values: Partial<NoticeValues>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    return values[name] ?? whole;
  });
}

/** The placeholders a template uses that are not known (shown to the administrator). */
export function unknownPlaceholders(template: string): string[] {
  const names = [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
  return [...new Set(names.filter((name) => !isPlaceholder(name)))];
}

export interface NoticeReport {
  number: string;
  type: ReportType;
  status: ReportStatus;
  dueAt: Date | null;
}

export interface NoticeOffice {
  name: string;
  phones: string[];
  hours: string;
  address: string;
}

export function noticeValues(
  report: NoticeReport,
  office: NoticeOffice,
  extra: { reason?: string | undefined; resolution?: string | undefined } = {},
): NoticeValues {
  return {
    number: formatReportNumber(report.number),
    type: REPORT_TYPE_NAMES[report.type] ?? report.type,
    status: STATUS_WORDS[report.status] ?? report.status,
    promise: report.dueAt ? promiseText(report.dueAt) : 'Le avisaremos en cuanto quede resuelto',
    reason: extra.reason?.trim() ?? '',
    resolution: extra.resolution?.trim() ?? '',
    officeName: office.name,
    officePhones: office.phones.join(' o '),
    officeHours: office.hours,
    officeAddress: office.address,
  };
}

/** Stored overrides over the defaults, field by field; anything malformed is ignored. */
export function mergeNoticeTemplates(stored: unknown): NoticeTemplates {
  const merged = structuredClone(DEFAULT_NOTICE_TEMPLATES);
  if (typeof stored !== 'object' || stored === null) return merged;
  for (const kind of NOTICE_KINDS) {
    const override = (stored as Record<string, unknown>)[kind];
    if (typeof override !== 'object' || override === null) continue;
    for (const field of ['subject', 'text', 'sms'] as const) {
      const value = (override as Record<string, unknown>)[field];
      if (typeof value === 'string' && value.trim() !== '') merged[kind][field] = value;
    }
  }
  return merged;
}

export interface RenderedNotice {
  subject: string | null;
  body: string;
}

export function renderNotice(
  template: NoticeTemplate,
  channel: NoticeChannel,
  values: NoticeValues,
): RenderedNotice {
  if (channel === 'sms')
    return { subject: null, body: renderTemplate(template.sms ?? template.text, values) };
  // A subject is one header line, whatever a value holds.
  const subject = renderTemplate(template.subject, values).replace(/\s*[\r\n]+\s*/g, ' ');
  return { subject, body: renderTemplate(template.text, values) };
}

/**
 * The number an SMS goes to, in international form. Ten digits are a Mexican number (+52);
 * numbers too short to be dialled from outside (old seven-digit local ones) get no SMS.
 */
export function smsRecipient(phone: string): string | null {
  const digits = phoneDigits(phone);
  if (phone.trim().startsWith('+') && digits.length >= 10) return `+${digits}`;
  if (digits.length === 10) return `+52${digits}`;
  if (digits.length === 12 && digits.startsWith('52')) return `+${digits}`;
  if (digits.length === 13 && digits.startsWith('521')) return `+52${digits.slice(3)}`;
  return null;
}

/** How a recipient shows on the timeline: enough to recognise, not to copy. */
export function maskRecipient(channel: NoticeChannel, recipient: string): string {
  if (channel === 'sms') return `***${phoneDigits(recipient).slice(-4)}`;
  const at = recipient.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${recipient.slice(0, 1)}***${recipient.slice(at)}`;
}

/** When a failed notice is tried again: 30 s, 1 min, 2 min … doubling, at most an hour. */
export const MAX_NOTICE_ATTEMPTS = 8;
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

// The message keys of validation-messages.ts; none is specific to templates yet.
const invalid = msg('invalid');
const templateField = (max: number) => z.string(invalid).trim().min(1, invalid).max(max, invalid);
const templateSchema = z.strictObject(
  {
    subject: templateField(200)
      .refine((subject) => !/[\r\n]/.test(subject), invalid)
      .optional(),
    text: templateField(5000).optional(),
    sms: templateField(1000).optional(),
  },
  invalid,
);

/** `PUT` body of the notice templates: overrides by kind, each field optional. */
export const noticeTemplatesRequest = z.strictObject(
  {
    filed: templateSchema.optional(),
    documents_requested: templateSchema.optional(),
    resolved: templateSchema.optional(),
    promise_moved: templateSchema.optional(),
  },
  invalid,
);

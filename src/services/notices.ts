import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NoticesConfig } from '../config.js';
import { InvalidInput } from '../core/errors.js';
import {
  mergeNoticeTemplates,
  NOTICE_KINDS,
  type NoticeChannel,
  type NoticeKind,
  type NoticeOffice,
  type NoticeTemplateOverrides,
  type NoticeTemplates,
  noticeValues,
  renderNotice,
  smsRecipient,
  unknownPlaceholders,
} from '../core/notices.js';
import type { ReportStatus, ReportType } from '../core/report.js';
import type { OfficeData } from '../core/requests/administration.js';
import { ConfigurationRepository } from '../db/repositories/configuration.js';
import { type NewNotice, OutboxRepository } from '../db/repositories/outbox.js';
import type { Database } from '../db/schema.js';
import { type Actor, audit } from './audit.js';
import type { ServiceContext } from './context.js';
import { DEFAULT_OFFICE } from './office.js';

export const NOTICE_TEMPLATES_KEY = 'notice_templates';
const OFFICE_KEY = 'office';

/** The templates in force: the administrator's overrides over the defaults in core/notices.ts. */
export async function loadNoticeTemplates(db: Kysely<Database>): Promise<NoticeTemplates> {
  return mergeNoticeTemplates(await new ConfigurationRepository(db).setting(NOTICE_TEMPLATES_KEY));
}

export async function getNoticeTemplates(ctx: ServiceContext): Promise<NoticeTemplates> {
  return loadNoticeTemplates(ctx.db);
}

/**
 * Replaces the stored overrides (a kind or field left out goes back to its default) and
 * gives the templates now in force. A placeholder Folio does not know is refused: it would
 * reach customers as `{{…}}`.
 */
export async function updateNoticeTemplates(
  ctx: ServiceContext,
  templates: NoticeTemplateOverrides,
  actor: Actor = { user: null, ip: null },
): Promise<NoticeTemplates> {
  const fields = NOTICE_KINDS.flatMap((kind) =>
    (['subject', 'text', 'sms'] as const).flatMap((field) => {
      const unknown = unknownPlaceholders(templates[kind]?.[field] ?? '');
      return unknown.length === 0
        ? []
        : [{ path: `${kind}.${field}`, message: `Marcadores desconocidos: ${unknown.join(', ')}` }];
    }),
  );
  if (fields.length > 0) throw new InvalidInput('La plantilla usa marcadores desconocidos.', fields);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await new ConfigurationRepository(trx).putSetting(NOTICE_TEMPLATES_KEY, templates, now);
    await audit(
      trx,
      actor,
      'notice_templates.updated',
      { type: 'settings', id: NOTICE_TEMPLATES_KEY },
      { kinds: Object.keys(templates) },
      now,
    );
  });
  return mergeNoticeTemplates(templates);
}

/** The channels switched on in the configuration (a channel is off while its URL is unset). */
export function noticeChannelsOf(config: NoticesConfig): NoticeChannel[] {
  const channels: NoticeChannel[] = [];
  if (config.smtpUrl) channels.push('email');
  if (config.smsUrl) channels.push('sms');
  return channels;
}

export interface EnqueueNoticesInput {
  report: {
    number: string;
    type: ReportType;
    status: ReportStatus;
    dueAt: Date | null;
    customerNumber: string;
  };
  customer: { email: string | null; phone: string | null };
  kind: NoticeKind;
  extra?: { reason?: string | undefined; resolution?: string | undefined };
  now: Date;
  /** The channels switched on (noticeChannelsOf); both unless said. */
  channels?: readonly NoticeChannel[];
}

async function officeOf(db: Kysely<Database>): Promise<NoticeOffice> {
  const stored = (await new ConfigurationRepository(db).setting(OFFICE_KEY)) as
    | Partial<OfficeData>
    | undefined;
  return { ...DEFAULT_OFFICE, ...(stored ?? {}) };
}

/**
 * Writes the customer's notices about a change into the outbox, one per channel the customer
 * can be reached on. Call it with the transaction that makes the change: the notice then
 * exists exactly when the change committed. Nothing is sent here (the notice worker sends),
 * so a mail server that is down never slows or fails the change. Gives the ids written.
 */
export async function enqueueNotices(
  trx: Kysely<Database>,
  input: EnqueueNoticesInput,
  templates?: NoticeTemplates,
): Promise<string[]> {
  const channels = input.channels ?? ['email', 'sms'];
  const recipients: [NoticeChannel, string][] = [];
  const email = input.customer.email?.trim();
  if (email && channels.includes('email')) recipients.push(['email', email]);
  const phone = input.customer.phone ? smsRecipient(input.customer.phone) : null;
  if (phone && channels.includes('sms')) recipients.push(['sms', phone]);
  if (recipients.length === 0) return [];

  const template = (templates ?? (await loadNoticeTemplates(trx)))[input.kind];
  const values = noticeValues(input.report, await officeOf(trx), input.extra);
  const notices: NewNotice[] = recipients.map(([channel, recipient]) => ({
    id: randomUUID(),
    reportNumber: input.report.number,
    kind: input.kind,
    channel,
    recipient,
    ...renderNotice(template, channel, values),
    createdAt: input.now,
  }));
  await new OutboxRepository(trx).insert(notices);
  return notices.map((notice) => notice.id);
}

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTICE_TEMPLATES,
  maskRecipient,
  mergeNoticeTemplates,
  NOTICE_KINDS,
  NOTICE_PLACEHOLDERS,
  noticeTemplatesRequest,
  noticeValues,
  renderNotice,
  renderTemplate,
  retryDelayMs,
  smsRecipient,
  unknownPlaceholders,
} from './notices.js';

const office = {
  name: 'Servicio al Cliente',
  phones: ['+52 487 873 1703', '+52 487 101 1684'],
  hours: 'Lunes a viernes de 9:00 a 18:00',
  address: 'Centenario 322, Rioverde',
};
const report = {
  number: '2611000427',
  type: 'fault' as const,
  status: 'new' as const,
  dueAt: new Date('2026-11-27T22:00:00Z'),
};

describe('renderTemplate', () => {
  it('fills known placeholders, with or without spaces inside the braces', () => {
    expect(renderTemplate('Reporte {{number}} / {{ type }}', { number: '2611-00042-7', type: 'falla' })).toBe(
      'Reporte 2611-00042-7 / falla',
    );
  });

  it('leaves unknown placeholders as written and runs nothing', () => {
    const hostile =
      '{{constructor}} {{__proto__}} {{toString}} {{process.exit(1)}} {{ number.length }} <%= 1+1 %> {{#each x}} {{nombre}}';
    expect(renderTemplate(hostile, { number: 'X' })).toBe(hostile);
  });

  it('leaves a known placeholder without a value as written', () => {
    expect(renderTemplate('Motivo: {{reason}}', {})).toBe('Motivo: {{reason}}');
  });

  it('does not expand placeholders that arrive inside a value', () => {
    expect(renderTemplate('{{resolution}}', { resolution: 'Se cambió {{number}}', number: 'N' })).toBe(
      'Se cambió {{number}}',
    );
  });

  it('names the unknown placeholders of a template once each', () => {
    expect(unknownPlaceholders('{{number}} {{nombre}} {{nombre}} {{ folio }}')).toEqual(['nombre', 'folio']);
    for (const kind of NOTICE_KINDS) {
      const template = DEFAULT_NOTICE_TEMPLATES[kind];
      expect(unknownPlaceholders(`${template.subject}${template.text}${template.sms ?? ''}`)).toEqual([]);
    }
  });
});

describe('the default notices', () => {
  const values = noticeValues(report, office, {});

  it('tell the grouped number, the type and the promise in Spanish', () => {
    const email = renderNotice(DEFAULT_NOTICE_TEMPLATES.filed, 'email', values);
    expect(email.subject).toBe('Reporte 2611-00042-7 recibido');
    expect(email.body).toContain('Recibimos su reporte de falla con el número 2611-00042-7.');
    expect(email.body).toContain(
      'Su reporte quedará resuelto a más tardar el viernes 27 de noviembre de 2026 a las 16:00.',
    );
    expect(email.body).toContain('+52 487 873 1703 o +52 487 101 1684');
    expect(email.body).not.toContain('{{');
  });

  it('send a shorter text by SMS, with no subject', () => {
    const sms = renderNotice(DEFAULT_NOTICE_TEMPLATES.filed, 'sms', values);
    expect(sms.subject).toBeNull();
    expect(sms.body).toMatch(/^Reporte 2611-00042-7 recibido \(falla\)\. Su reporte quedará resuelto/);
  });

  it('carry the reason and the resolution written for the customer', () => {
    const withText = noticeValues({ ...report, status: 'waiting_customer' }, office, {
      reason: '  Copia de su identificación.  ',
      resolution: 'Se reparó la fuga.',
    });
    expect(renderNotice(DEFAULT_NOTICE_TEMPLATES.documents_requested, 'email', withText).body).toContain(
      '\n\nCopia de su identificación.\n\n',
    );
    expect(renderNotice(DEFAULT_NOTICE_TEMPLATES.resolved, 'email', withText).body).toContain(
      'Se reparó la fuga.',
    );
    expect(withText.status).toBe('en espera de lo que le solicitamos');
  });

  it('offer only public values', () => {
    expect(Object.keys(values).sort()).toEqual([...NOTICE_PLACEHOLDERS].sort());
  });
});

describe('mergeNoticeTemplates', () => {
  it('takes stored fields over the defaults and ignores anything malformed', () => {
    const merged = mergeNoticeTemplates({
      filed: { subject: 'Folio {{number}}', text: 42 },
      resolved: 'nope',
      unknown_kind: { subject: 'x' },
      promise_moved: { sms: '' },
    });
    expect(merged.filed.subject).toBe('Folio {{number}}');
    expect(merged.filed.text).toBe(DEFAULT_NOTICE_TEMPLATES.filed.text);
    expect(merged.resolved).toEqual(DEFAULT_NOTICE_TEMPLATES.resolved);
    expect(merged.promise_moved).toEqual(DEFAULT_NOTICE_TEMPLATES.promise_moved);
    expect(mergeNoticeTemplates(undefined)).toEqual(DEFAULT_NOTICE_TEMPLATES);
  });

  it('never changes the defaults', () => {
    mergeNoticeTemplates({ filed: { subject: 'cambiado' } }).filed.text = 'también';
    expect(DEFAULT_NOTICE_TEMPLATES.filed.subject).toBe('Reporte {{number}} recibido');
  });
});

describe('noticeTemplatesRequest', () => {
  it('accepts partial overrides and refuses unknown kinds, fields and multi-line subjects', () => {
    expect(noticeTemplatesRequest.safeParse({ filed: { subject: 'Hola {{number}}' } }).success).toBe(true);
    expect(noticeTemplatesRequest.safeParse({ filed: { body: 'x' } }).success).toBe(false);
    expect(noticeTemplatesRequest.safeParse({ closed: { text: 'x' } }).success).toBe(false);
    expect(noticeTemplatesRequest.safeParse({ filed: { subject: 'a\nBcc: x@example.com' } }).success).toBe(
      false,
    );
  });
});

describe('recipients', () => {
  it('puts SMS numbers in international form, or gives none for a short local number', () => {
    expect(smsRecipient('487 873 1703')).toBe('+524878731703');
    expect(smsRecipient('+52 (487) 873-1703')).toBe('+524878731703');
    expect(smsRecipient('52 487 873 1703')).toBe('+524878731703');
    expect(smsRecipient('521 487 873 1703')).toBe('+524878731703');
    expect(smsRecipient('873 1703')).toBeNull();
  });

  it('masks them for the timeline', () => {
    expect(maskRecipient('email', 'maria@example.com')).toBe('m***@example.com');
    expect(maskRecipient('sms', '+524878731703')).toBe('***1703');
    expect(maskRecipient('email', 'nonsense')).toBe('***');
  });
});

describe('retryDelayMs', () => {
  it('doubles from 30 s and stops at one hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});

import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { durationParts, formatDuration } from '../format/durations.js';
import { es } from '../i18n/es.js';
import { pauseLength, promiseStanding } from './promise-clock.js';

const now = new Date('2026-11-10T18:00:00Z');
const running = {
  status: 'in_progress' as const,
  dueAt: '2026-11-10T21:20:00Z',
  promiseState: 'on_track' as const,
  promiseKept: null,
  paused: false,
};

describe('promise standing', () => {
  it('counts down to the promise with the server’s risk state', () => {
    expect(promiseStanding(running, now)).toEqual({
      kind: 'running',
      state: 'on_track',
      msLeft: 200 * 60_000,
    });
    expect(promiseStanding({ ...running, promiseState: 'at_risk' }, now)).toMatchObject({ state: 'at_risk' });
  });

  it('turns red as soon as the promise passes, before the server says so', () => {
    const standing = promiseStanding({ ...running, dueAt: '2026-11-10T16:00:00Z' }, now);
    expect(standing).toEqual({ kind: 'running', state: 'breached', msLeft: -2 * 3_600_000 });
  });

  it('stops the clock while waiting on the customer, and settles once resolved', () => {
    expect(promiseStanding({ ...running, status: 'waiting_customer', paused: true }, now)).toEqual({
      kind: 'paused',
    });
    expect(promiseStanding({ ...running, status: 'resolved', promiseKept: true }, now)).toEqual({
      kind: 'kept',
    });
    expect(promiseStanding({ ...running, status: 'closed', promiseKept: false }, now)).toEqual({
      kind: 'missed',
    });
    expect(promiseStanding({ ...running, status: 'cancelled' }, now)).toEqual({ kind: 'cancelled' });
    expect(promiseStanding({ ...running, dueAt: null }, now)).toEqual({ kind: 'none' });
  });

  it('measures pauses, an open one up to now', () => {
    expect(pauseLength({ from: '2026-11-10T17:00:00Z', to: '2026-11-10T17:45:00Z' }, now)).toBe(45 * 60_000);
    expect(pauseLength({ from: '2026-11-10T17:00:00Z', to: null }, now)).toBe(3_600_000);
  });
});

describe('durations as people say them', () => {
  it('uses the two largest units and leaves zeros out', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { es: { translation: es } }, lng: 'es', showSupportNotice: false });
    const t = i18n.t;

    expect(durationParts(-(26 * 60 + 5) * 60_000)).toEqual({ days: 1, hours: 2, minutes: 5 });
    expect(formatDuration(200 * 60_000, t)).toBe('3 h 20 min');
    expect(formatDuration(-2 * 3_600_000, t)).toBe('2 h');
    expect(formatDuration((4 * 24 + 6) * 3_600_000 + 59_000, t)).toBe('4 d 6 h');
    expect(formatDuration(45 * 60_000, t)).toBe('45 min');
    expect(formatDuration(30_000, t)).toBe('menos de 1 min');
  });
});

import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../core/report.js';
import { STATUS_COLORS, statusTextColor } from './status-colors.js';

describe('status colours', () => {
  it('give every status a colour of its own, so a colour means one status', () => {
    const colors = STATUSES.map((status) => STATUS_COLORS[status]);
    expect(colors.every(Boolean)).toBe(true);
    expect(new Set(colors).size).toBe(STATUSES.length);
  });

  it('darken the colour for text on white', () => {
    expect(statusTextColor('waiting_customer')).toBe('orange.9');
  });
});

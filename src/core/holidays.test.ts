import { describe, expect, it } from 'vitest';
import { isOfficialRestDay, officialRestDayName, officialRestDays } from './holidays.js';

// Written out from a printed calendar, not computed, so a wrong Monday rule shows up here.
const EXPECTED: Record<number, string[]> = {
  2025: ['2025-01-01', '2025-02-03', '2025-03-17', '2025-05-01', '2025-09-16', '2025-11-17', '2025-12-25'],
  2026: ['2026-01-01', '2026-02-02', '2026-03-16', '2026-05-01', '2026-09-16', '2026-11-16', '2026-12-25'],
  2027: ['2027-01-01', '2027-02-01', '2027-03-15', '2027-05-01', '2027-09-16', '2027-11-15', '2027-12-25'],
  2028: ['2028-01-01', '2028-02-07', '2028-03-20', '2028-05-01', '2028-09-16', '2028-11-20', '2028-12-25'],
  2029: ['2029-01-01', '2029-02-05', '2029-03-19', '2029-05-01', '2029-09-16', '2029-11-19', '2029-12-25'],
  2030: [
    '2030-01-01',
    '2030-02-04',
    '2030-03-18',
    '2030-05-01',
    '2030-09-16',
    '2030-10-01',
    '2030-11-18',
    '2030-12-25',
  ],
  2031: ['2031-01-01', '2031-02-03', '2031-03-17', '2031-05-01', '2031-09-16', '2031-11-17', '2031-12-25'],
};

describe('officialRestDays (LFT art. 74)', () => {
  for (const [year, dates] of Object.entries(EXPECTED)) {
    it(`lists the rest days of ${year}`, () => {
      expect(officialRestDays(Number(year)).map((d) => d.date)).toEqual(dates);
    });
  }

  it('names each day in Spanish', () => {
    expect(officialRestDays(2030)).toEqual([
      { date: '2030-01-01', name: 'Año Nuevo' },
      { date: '2030-02-04', name: 'Día de la Constitución' },
      { date: '2030-03-18', name: 'Natalicio de Benito Juárez' },
      { date: '2030-05-01', name: 'Día del Trabajo' },
      { date: '2030-09-16', name: 'Día de la Independencia' },
      { date: '2030-10-01', name: 'Transmisión del Poder Ejecutivo Federal' },
      { date: '2030-11-18', name: 'Día de la Revolución' },
      { date: '2030-12-25', name: 'Navidad' },
    ]);
  });

  it('includes the transfer of power on 1 October 2024 and 2036, and 1 December before the reform', () => {
    expect(officialRestDays(2024).map((d) => d.date)).toContain('2024-10-01');
    expect(officialRestDays(2036).map((d) => d.date)).toContain('2036-10-01');
    expect(officialRestDays(2018).map((d) => d.date)).toContain('2018-12-01');
    expect(officialRestDays(2018).map((d) => d.date)).not.toContain('2018-10-01');
    expect(officialRestDays(2027).map((d) => d.date)).not.toContain('2027-10-01');
  });

  it('answers day by day', () => {
    expect(isOfficialRestDay('2026-11-16')).toBe(true);
    expect(isOfficialRestDay('2026-11-20')).toBe(false);
    expect(officialRestDayName('2026-09-16')).toBe('Día de la Independencia');
    expect(officialRestDayName('2026-09-17')).toBeUndefined();
  });

  it('rejects a year that is not a whole number', () => {
    expect(() => officialRestDays(2026.5)).toThrow(RangeError);
  });
});

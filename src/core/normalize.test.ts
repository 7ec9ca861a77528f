import { describe, expect, it } from 'vitest';
import { phoneDigits, searchKey } from './normalize.js';

describe('searchKey', () => {
  it('ignores accents, case and extra spaces', () => {
    expect(searchKey('  María   JUÁREZ Núñez ')).toBe('maria juarez nunez');
    expect(searchKey('juarez')).toBe(searchKey('Juárez'));
  });
});

describe('phoneDigits', () => {
  it('keeps only digits', () => {
    expect(phoneDigits('+52 (487) 873-1703')).toBe('524878731703');
  });
});

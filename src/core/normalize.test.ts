import { describe, expect, it } from 'vitest';
import { phoneDigits, searchKey, withoutControlCharacters } from './normalize.js';

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

describe('withoutControlCharacters', () => {
  it('drops control characters from every string, keeping tabs and line breaks', () => {
    expect(
      withoutControlCharacters({
        description: 'Fuga\u0000 en la\u0007 toma\r\n\tde la calle\u0085',
        invoices: [{ number: 'F\u001b2611' }],
        count: 3,
        verified: null,
      }),
    ).toEqual({
      description: 'Fuga en la toma\r\n\tde la calle',
      invoices: [{ number: 'F2611' }],
      count: 3,
      verified: null,
    });
  });

  it('walks query strings (objects without a prototype) and leaves other objects alone', () => {
    const query = Object.assign(Object.create(null), { q: 'ju\u0000arez' });
    expect(withoutControlCharacters(query)).toEqual({ q: 'juarez' });
    // As Fastify's query string parser makes them: on a bare prototype of its own.
    const parsed = Object.assign(Object.create(Object.create(null)), { q: 'ju\u0000arez' });
    expect(withoutControlCharacters(parsed)).toEqual({ q: 'juarez' });
    const file = new Uint8Array([0, 1, 2]);
    expect(withoutControlCharacters({ file })).toEqual({ file });
    expect((withoutControlCharacters({ file }) as { file: unknown }).file).toBe(file);
  });

  it('passes on what holds none as it came', () => {
    const body = { description: 'Fuga en la toma', invoices: [{ number: 'F2611' }] };
    expect(withoutControlCharacters(body)).toBe(body);
  });

  it('gives the same answer every time (no state kept between texts)', () => {
    for (let i = 0; i < 3; i++) expect(withoutControlCharacters('a\u0000b')).toBe('ab');
    expect(withoutControlCharacters('Juárez, Núñez – ñ')).toBe('Juárez, Núñez – ñ');
  });
});

describe('searchKey and control characters', () => {
  it('reads a control character as a space', () => {
    expect(searchKey('ju\u0000arez\u0000')).toBe('ju arez');
  });
});

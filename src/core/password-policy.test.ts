import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('wants at least 12 characters', () => {
    expect(passwordProblem('corto-11chr')).toBe('too_short');
    expect(passwordProblem('mesa de agua fría')).toBeNull();
  });

  it('refuses common passwords, also decorated', () => {
    expect(passwordProblem('qwerty123456')).toBe('common');
    expect(passwordProblem('1q2w3e4r5t6y')).toBe('common');
    expect(passwordProblem('Password2026!')).toBe('common');
    expect(passwordProblem('Rioverde2026!')).toBe('common');
    expect(passwordProblem('abcabcabcabc')).toBe('common');
    expect(passwordProblem('aaaa-aaaa-aaaa-aaaa')).toBe('common');
  });

  it('refuses the username inside the password', () => {
    expect(passwordProblem('soy-ana.lopez-en-ventanilla', 'ana.lopez')).toBe('contains_username');
  });

  it('accepts a long unusual passphrase', () => {
    expect(passwordProblem('tres tazas de café frío', 'ana')).toBeNull();
  });
});

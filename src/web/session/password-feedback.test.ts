import { describe, expect, it } from 'vitest';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PROBLEM_MESSAGES,
  type PasswordProblem,
} from '../../core/password-policy.js';
import { accountEn, accountEs } from './messages.js';
import { newPasswordFeedback } from './password-feedback.js';

const fill = (text: string) =>
  text.replace('{{min}}', String(PASSWORD_MIN_LENGTH)).replace('{{max}}', String(PASSWORD_MAX_LENGTH));

describe('new password feedback', () => {
  const base = { username: 'mlopez', currentPassword: 'Temporal-Rioverde-2026' };

  it('applies the server’s policy as the user types', () => {
    expect(newPasswordFeedback({ ...base, newPassword: 'corta', confirmation: '' }).newPassword).toBe(
      'too_short',
    );
    expect(newPasswordFeedback({ ...base, newPassword: 'Password2026!', confirmation: '' }).newPassword).toBe(
      'common',
    );
    expect(
      newPasswordFeedback({ ...base, newPassword: 'soy-mlopez-de-rioverde', confirmation: '' }).newPassword,
    ).toBe('contains_username');
    expect(
      newPasswordFeedback({ ...base, newPassword: 'nopal verde con sal', confirmation: '' }).newPassword,
    ).toBeNull();
  });

  it('refuses the password being replaced, and two copies that differ', () => {
    const same = newPasswordFeedback({ ...base, newPassword: base.currentPassword, confirmation: 'x' });
    expect(same).toEqual({ newPassword: 'same_as_current', confirmation: 'mismatch' });
    const good = 'nopal verde con sal';
    expect(newPasswordFeedback({ ...base, newPassword: good, confirmation: '' }).confirmation).toBe(
      'missing',
    );
    expect(newPasswordFeedback({ ...base, newPassword: good, confirmation: good })).toEqual({
      newPassword: null,
      confirmation: null,
    });
  });

  it('says in Spanish exactly what the API says, and has every message in English too', () => {
    for (const [problem, message] of Object.entries(PASSWORD_PROBLEM_MESSAGES)) {
      expect(fill(accountEs.account.passwordProblems[problem as PasswordProblem])).toBe(message);
      expect(accountEn.account.passwordProblems[problem as PasswordProblem]).not.toBe('');
    }
  });
});

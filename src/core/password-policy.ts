import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

const common = new Set(COMMON_PASSWORDS);

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_username';

/**
 * Length first (NIST SP 800-63B: length beats composition rules), then the list of common
 * passwords, also with the usual decorations removed ("Password2026!" is "password"), and
 * never the username itself.
 */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const undecorated = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (common.has(lower) || (undecorated.length >= 4 && common.has(undecorated))) return 'common';
  // The same short run over and over, whatever separates it: 'aaaa-aaaa-aaaa', 'abcabcabcabc'.
  if (/^(.{1,4})\1+$/.test(lower.replace(/[\W_]+/g, ''))) return 'common';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains_username';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.`,
  too_long: `La contraseña puede tener hasta ${PASSWORD_MAX_LENGTH} caracteres.`,
  common: 'Esa contraseña es de las más usadas; elija otra más difícil de adivinar.',
  contains_username: 'La contraseña no debe contener el nombre de usuario.',
};

import { type PasswordProblem, passwordProblem } from '../../core/password-policy.js';

/** What stands between a typed new password and a valid one; each value is a message key. */
export type NewPasswordProblem = PasswordProblem | 'same_as_current';

export interface NewPasswordFeedback {
  newPassword: NewPasswordProblem | null;
  /** The second copy: only judged once something is typed there (or the form is sent). */
  confirmation: 'mismatch' | 'missing' | null;
}

/**
 * The live verdict on a new password, from the very policy the server applies
 * (`passwordProblem`), plus the two checks only the form can make: typed twice alike, and not
 * the password being replaced.
 */
export function newPasswordFeedback(input: {
  newPassword: string;
  confirmation: string;
  username: string;
  currentPassword?: string;
}): NewPasswordFeedback {
  const problem = passwordProblem(input.newPassword, input.username);
  const sameAsCurrent =
    problem === null && input.currentPassword !== undefined && input.newPassword === input.currentPassword;
  return {
    newPassword: problem ?? (sameAsCurrent ? 'same_as_current' : null),
    confirmation:
      input.confirmation === '' ? 'missing' : input.confirmation !== input.newPassword ? 'mismatch' : null,
  };
}

import { Button, Group, PasswordInput, Stack, Text, VisuallyHidden } from '@mantine/core';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/password-policy.js';
import { ApiError } from '../api/client.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { type NewPasswordProblem, newPasswordFeedback } from './password-feedback.js';
import { useChangePassword } from './session-api.js';

type Field = 'currentPassword' | 'newPassword' | 'confirmation';

interface ChangePasswordFormProps {
  username: string;
  onChanged: () => void;
  /** Extra buttons beside "change" (e.g. cancel in the dialog). */
  secondaryAction?: ReactNode;
}

/**
 * Current password, the new one twice. The new one is judged as it is typed by the policy the
 * server applies, so the user learns what is wrong before sending it.
 */
export function ChangePasswordForm({ username, onChanged, secondaryAction }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    confirmation: useRef<HTMLInputElement>(null),
  };

  const feedback = newPasswordFeedback({ newPassword, confirmation, username, currentPassword });
  const problemText = (problem: NewPasswordProblem) =>
    t(`account.passwordProblems.${problem}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });

  const errors: Partial<Record<Field, string>> = {
    currentPassword:
      serverErrors.currentPassword ??
      (submitted && currentPassword === '' ? t('account.currentPasswordMissing') : undefined),
    newPassword:
      serverErrors.newPassword ??
      (submitted && feedback.newPassword ? problemText(feedback.newPassword) : undefined),
    confirmation:
      submitted && feedback.confirmation ? t(`account.confirmation.${feedback.confirmation}`) : undefined,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (change.isPending) return;
    setSubmitted(true);
    setServerErrors({});
    const firstInvalid = (['currentPassword', 'newPassword', 'confirmation'] as const).find((field) =>
      field === 'currentPassword'
        ? currentPassword === ''
        : field === 'newPassword'
          ? feedback.newPassword !== null
          : feedback.confirmation !== null,
    );
    if (firstInvalid) {
      refs[firstInvalid].current?.focus();
      return;
    }
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: onChanged,
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const found: Partial<Record<Field, string>> = {};
          for (const problem of error.fields) {
            if (problem.path === 'currentPassword' || problem.path === 'newPassword')
              found[problem.path] ??= problem.message;
          }
          setServerErrors(found);
          if (found.currentPassword) refs.currentPassword.current?.focus();
          else if (found.newPassword) refs.newPassword.current?.focus();
        },
      },
    );
  }

  const hasFieldErrors = change.error instanceof ApiError && change.error.fields.length > 0;
  // Live, before any attempt: what the policy says of what is typed so far.
  const liveNewPassword =
    newPassword === '' ? (
      t('account.newPasswordHelp', { min: PASSWORD_MIN_LENGTH })
    ) : feedback.newPassword ? (
      <Text span size="xs" c="orange.9" data-testid="password-feedback">
        {problemText(feedback.newPassword)}
      </Text>
    ) : (
      <Text span size="xs" c="teal.9" data-testid="password-feedback">
        ✓ {t('account.passwordAcceptable')}
      </Text>
    );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {/* Lets a password manager file the new password under the right account. */}
        <VisuallyHidden>
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={username}
            readOnly
            tabIndex={-1}
          />
        </VisuallyHidden>
        <PasswordInput
          ref={refs.currentPassword}
          label={t('account.currentPassword')}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('session.showPassword') }}
          data-autofocus
          required
          value={currentPassword}
          error={errors.currentPassword}
          // Mantine marks the wrapper; screen readers read the input's own state.
          aria-invalid={errors.currentPassword ? true : undefined}
          onChange={(event) => {
            setCurrentPassword(event.currentTarget.value);
            setServerErrors({ ...serverErrors, currentPassword: undefined });
          }}
        />
        <PasswordInput
          ref={refs.newPassword}
          label={t('account.newPassword')}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('session.showPassword') }}
          required
          value={newPassword}
          description={errors.newPassword ? undefined : liveNewPassword}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={errors.newPassword}
          aria-invalid={errors.newPassword ? true : undefined}
          onChange={(event) => {
            setNewPassword(event.currentTarget.value);
            setServerErrors({ ...serverErrors, newPassword: undefined });
          }}
        />
        <PasswordInput
          ref={refs.confirmation}
          label={t('account.confirmNewPassword')}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('session.showPassword') }}
          required
          value={confirmation}
          description={
            !errors.confirmation && confirmation !== '' && feedback.confirmation === 'mismatch'
              ? t('account.confirmation.mismatch')
              : undefined
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={errors.confirmation}
          aria-invalid={errors.confirmation ? true : undefined}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
        />
        {change.error && !hasFieldErrors && <ErrorMessage error={change.error} />}
        <Group justify="flex-end" gap="sm">
          {secondaryAction}
          <Button type="submit" loading={change.isPending}>
            {t('account.changePasswordSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, PasswordInput, Text } from '@mantine/core';
import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../../core/password-policy.js';
import { temporaryPassword } from './temporary-password.js';

interface TemporaryPasswordInputProps {
  value: string;
  onChange: (value: string) => void;
  /** The account's username: a password must not contain it. */
  username: string;
  error: string | undefined;
  label: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A password the administrator gives the user, to be changed at the first sign-in. Judged as
 * it is typed by the server's own policy; "generate" fills one that passes, shown in clear so
 * it can be handed over.
 */
export function TemporaryPasswordInput({
  value,
  onChange,
  username,
  error,
  label,
  ref,
}: TemporaryPasswordInputProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const problem = value === '' ? null : passwordProblem(value, username);

  const feedback =
    value === '' ? (
      t('admin.users.passwordHelp', { min: PASSWORD_MIN_LENGTH })
    ) : problem ? (
      <Text span size="xs" c="orange.9">
        {t(`account.passwordProblems.${problem}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
      </Text>
    ) : (
      <Text span size="xs" c="teal.9">
        ✓ {t('account.passwordAcceptable')}
      </Text>
    );

  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <PasswordInput
        ref={ref}
        label={label}
        autoComplete="new-password"
        spellCheck={false}
        required
        style={{ flex: 1 }}
        visible={visible}
        onVisibilityChange={setVisible}
        visibilityToggleButtonProps={{ 'aria-label': t('session.showPassword') }}
        value={value}
        description={error ? undefined : feedback}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={error}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
        styles={{ input: { fontFamily: visible ? 'var(--mantine-font-family-monospace)' : undefined } }}
      />
      <Button
        variant="default"
        mt={25}
        onClick={() => {
          onChange(temporaryPassword(username));
          setVisible(true);
        }}
      >
        {t('admin.users.generatePassword')}
      </Button>
    </Group>
  );
}

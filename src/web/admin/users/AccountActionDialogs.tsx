import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../../core/password-policy.js';
import { isApiError } from '../../api/client.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { errorsFromApi } from '../form-errors.js';
import { TemporaryPasswordInput } from './TemporaryPasswordInput.js';
import { type StaffAccount, useUpdateAccount } from './users-api.js';

interface DialogProps {
  account: StaffAccount;
  onClose: () => void;
  onDone: () => void;
}

/** An administrator's reset: a new temporary password; the user's open sessions end. */
export function ResetPasswordDialog({ account, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const update = useUpdateAccount();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    const problem = passwordProblem(password, account.username);
    if (problem) {
      setError(
        t(`account.passwordProblems.${problem}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
      );
      return;
    }
    setError(undefined);
    update.mutate(
      { username: account.username, changes: { password } },
      {
        onSuccess: onDone,
        onError: (failure) =>
          setError(errorsFromApi(failure, ['password'], { newPassword: 'password' })?.byField.password),
      },
    );
  }

  const shownNextToField = isApiError(update.error) && update.error.fields.length > 0;
  return (
    <Modal opened onClose={onClose} title={t('admin.users.resetTitle', { username: account.username })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('admin.users.resetHelp', { name: account.name })}</Text>
          <TemporaryPasswordInput
            label={t('admin.users.temporaryPassword')}
            value={password}
            onChange={setPassword}
            username={account.username}
            error={error}
          />
          {update.error && !shownNextToField && <ErrorMessage error={update.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('account.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('admin.users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Disabling ends the account's sessions at once; it is asked twice. */
export function DisableAccountDialog({ account, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const update = useUpdateAccount();
  return (
    <Modal opened onClose={onClose} title={t('admin.users.disableTitle', { username: account.username })}>
      <Stack gap="md">
        <Text size="sm">{t('admin.users.disableHelp', { name: account.name })}</Text>
        {update.error && <ErrorMessage error={update.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('account.cancel')}
          </Button>
          <Button
            color="red"
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { username: account.username, changes: { disabled: true } },
                { onSuccess: onDone },
              )
            }
          >
            {t('admin.users.disableSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

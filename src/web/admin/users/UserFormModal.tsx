import { Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../../core/password-policy.js';
import { ROLES } from '../../../core/permissions.js';
import { createUserRequest, updateUserRequest } from '../../../core/requests/administration.js';
import { isApiError } from '../../api/client.js';
import type { Department } from '../../api/types.js';
import { useLanguage } from '../../i18n/index.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { ERROR_TEXT } from '../../theme.js';
import { errorsFromApi, errorsFromIssues, type FieldErrors, noFieldErrors } from '../form-errors.js';
import { TemporaryPasswordInput } from './TemporaryPasswordInput.js';
import { type StaffAccount, useCreateAccount, useUpdateAccount } from './users-api.js';

const FIELDS = ['username', 'name', 'password', 'roles', 'departments'] as const;

interface UserFormModalProps {
  /** Absent: a new account. */
  account?: StaffAccount;
  departments: Department[];
  onClose: () => void;
  onSaved: (account: StaffAccount, created: boolean) => void;
}

/** A new staff account (with its temporary password), or another name, roles or departments for one. */
export function UserFormModal({ account, departments, onClose, onSaved }: UserFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const mutation = account ? update : create;
  const [username, setUsername] = useState(account?.username ?? '');
  const [name, setName] = useState(account?.name ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(account?.roles ?? []);
  const [departmentCodes, setDepartmentCodes] = useState<string[]>(account?.departments ?? []);
  const [errors, setErrors] = useState<FieldErrors>(noFieldErrors);

  function showApiErrors(error: unknown) {
    // A taken username comes without fields: it belongs next to the username all the same.
    if (isApiError(error, 'username_taken')) setErrors({ byField: { username: error.message }, other: [] });
    else {
      const found = errorsFromApi(error, FIELDS, { newPassword: 'password' });
      if (found) setErrors(found);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (account) {
      const parsed = updateUserRequest.safeParse({ name, roles, departments: departmentCodes });
      if (!parsed.success) return setErrors(errorsFromIssues(parsed.error.issues, FIELDS, language));
      setErrors(noFieldErrors);
      update.mutate(
        { username: account.username, changes: parsed.data },
        { onSuccess: (saved) => onSaved(saved, false), onError: showApiErrors },
      );
      return;
    }
    const parsed = createUserRequest.safeParse({
      username,
      name,
      password,
      roles,
      departments: departmentCodes,
    });
    const found = parsed.success
      ? { byField: {}, other: [] }
      : errorsFromIssues(parsed.error.issues, FIELDS, language);
    const problem = password === '' ? null : passwordProblem(password, username.trim());
    if (problem)
      found.byField.password ??= t(`account.passwordProblems.${problem}`, {
        min: PASSWORD_MIN_LENGTH,
        max: PASSWORD_MAX_LENGTH,
      });
    setErrors(found);
    if (!parsed.success || problem) return;
    create.mutate(parsed.data, { onSuccess: (saved) => onSaved(saved, true), onError: showApiErrors });
  }

  const fieldProblemsShown =
    isApiError(mutation.error, 'username_taken') ||
    (isApiError(mutation.error) && mutation.error.fields.length > 0);

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        account ? t('admin.users.editTitle', { username: account.username }) : t('admin.users.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {account ? (
            <Text size="sm" c="dimmed">
              {t('admin.users.editHelp')}
            </Text>
          ) : (
            <TextInput
              label={t('admin.users.username')}
              description={t('admin.users.usernameHelp')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              data-autofocus
              required
              value={username}
              error={errors.byField.username}
              onChange={(event) => setUsername(event.currentTarget.value.toLowerCase())}
            />
          )}
          <TextInput
            label={t('admin.users.name')}
            description={t('admin.users.nameHelp')}
            autoComplete="off"
            required
            data-autofocus={account ? true : undefined}
            value={name}
            error={errors.byField.name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          {!account && (
            <TemporaryPasswordInput
              label={t('admin.users.temporaryPassword')}
              value={password}
              onChange={setPassword}
              username={username.trim()}
              error={errors.byField.password}
            />
          )}
          <MultiSelect
            label={t('admin.users.roles')}
            description={t('admin.users.rolesHelp')}
            required
            searchable
            data={ROLES.map((role) => ({ value: role, label: t(`account.roles.${role}`) }))}
            value={roles}
            onChange={setRoles}
            error={errors.byField.roles}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('admin.users.departments')}
            description={t('admin.users.departmentsHelp')}
            searchable
            nothingFoundMessage={t('admin.users.noDepartmentFound')}
            data={departments.map((department) => ({ value: department.code, label: department.name }))}
            value={departmentCodes}
            onChange={setDepartmentCodes}
            error={errors.byField.departments}
            comboboxProps={{ withinPortal: true }}
          />
          {errors.other.map((message) => (
            <Text key={message} size="sm" c={ERROR_TEXT} role="alert">
              {message}
            </Text>
          ))}
          {mutation.error && !fieldProblemsShown && <ErrorMessage error={mutation.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('account.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {account ? t('admin.save') : t('admin.users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

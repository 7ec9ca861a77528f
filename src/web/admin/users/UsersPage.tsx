import {
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole } from '../../../core/permissions.js';
import type { Department, User } from '../../api/types.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { departmentName } from '../../routing/routing-table.js';
import { AdminPageHeader, Notice, QueryState } from '../AdminPage.js';
import { useDepartments } from '../departments/departments-api.js';
import { DisableAccountDialog, ResetPasswordDialog } from './AccountActionDialogs.js';
import { UserFormModal } from './UserFormModal.js';
import {
  type AccountState,
  accountState,
  type StaffAccount,
  useStaffAccounts,
  useUpdateAccount,
} from './users-api.js';

const STATE_COLORS: Record<AccountState, string> = {
  active: 'teal',
  disabled: 'gray',
  must_change_password: 'orange',
};

/** Badges keep their whole word in a narrow column instead of shrinking into an ellipsis. */
const NO_ELLIPSIS = { label: { overflow: 'visible' } } as const;

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset' | 'disable'; account: StaffAccount } | null;

/** `/admin/usuarios`: the staff accounts, who may do what, and their state. */
export function UsersPage({ me }: { me: User }) {
  const { t } = useTranslation();
  const accounts = useStaffAccounts();
  const departments = useDepartments();
  const enable = useUpdateAccount();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  function done(text: string) {
    setDialog(null);
    setNotice(text);
  }

  const needle = filter.trim().toLocaleLowerCase('es-MX');
  const matches = (account: StaffAccount) =>
    needle === '' ||
    account.username.includes(needle) ||
    account.name.toLocaleLowerCase('es-MX').includes(needle);

  return (
    <Stack gap="md">
      <AdminPageHeader
        title={t('admin.users.title')}
        description={t('admin.users.description')}
        actions={
          <Button onClick={() => setDialog({ kind: 'create' })} disabled={!departments.data}>
            {t('admin.users.create')}
          </Button>
        }
      />
      <Notice text={notice} onClose={() => setNotice(null)} />
      {enable.error && <ErrorMessage error={enable.error} />}
      <QueryState query={accounts}>
        {(list) => {
          const shown = list.filter(matches);
          return (
            <Paper withBorder radius="md">
              <Group justify="space-between" p="sm" gap="md">
                <TextInput
                  aria-label={t('admin.users.filter')}
                  placeholder={t('admin.users.filter')}
                  size="sm"
                  w={320}
                  value={filter}
                  onChange={(event) => setFilter(event.currentTarget.value)}
                />
                <Text size="sm" c="dimmed">
                  {t('admin.users.count', { count: shown.length })}
                </Text>
              </Group>
              <Table.ScrollContainer minWidth={900}>
                <Table
                  striped
                  highlightOnHover
                  verticalSpacing="sm"
                  horizontalSpacing="md"
                  data-testid="users-table"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.users.username')}</Table.Th>
                      <Table.Th>{t('admin.users.name')}</Table.Th>
                      <Table.Th>{t('admin.users.roles')}</Table.Th>
                      <Table.Th>{t('admin.users.departments')}</Table.Th>
                      <Table.Th>{t('admin.users.state')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((account) => (
                      <AccountRow
                        key={account.username}
                        account={account}
                        isMe={account.username === me.username}
                        departments={departments.data}
                        onAction={(kind) => setDialog({ kind, account })}
                        onEnable={() =>
                          enable.mutate(
                            { username: account.username, changes: { disabled: false } },
                            {
                              onSuccess: () =>
                                setNotice(t('admin.users.enabled', { username: account.username })),
                            },
                          )
                        }
                      />
                    ))}
                    {shown.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={6}>
                          <Text c="dimmed" ta="center" py="md">
                            {t('admin.users.none')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          );
        }}
      </QueryState>

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          {...(dialog.kind === 'edit' ? { account: dialog.account } : {})}
          departments={departments.data ?? []}
          onClose={() => setDialog(null)}
          onSaved={(account, created) =>
            done(
              created
                ? t('admin.users.created', { username: account.username })
                : t('admin.users.saved', { username: account.username }),
            )
          }
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={() => done(t('admin.users.passwordReset', { username: dialog.account.username }))}
        />
      )}
      {dialog?.kind === 'disable' && (
        <DisableAccountDialog
          account={dialog.account}
          onClose={() => setDialog(null)}
          onDone={() => done(t('admin.users.disabled', { username: dialog.account.username }))}
        />
      )}
    </Stack>
  );
}

function AccountRow({
  account,
  isMe,
  departments,
  onAction,
  onEnable,
}: {
  account: StaffAccount;
  isMe: boolean;
  departments: Department[] | undefined;
  onAction: (kind: 'edit' | 'reset' | 'disable') => void;
  onEnable: () => void;
}) {
  const { t } = useTranslation();
  const state = accountState(account);
  return (
    <Table.Tr data-testid={`user-row-${account.username}`} c={account.disabled ? 'dimmed' : undefined}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {account.username}
          </Text>
          {isMe && (
            <Badge size="xs" variant="outline" color="gray">
              {t('admin.users.you')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {account.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {account.roles.length === 0 && '—'}
          {account.roles.map((role) => (
            <Badge
              key={role}
              variant="light"
              color={role === 'admin' ? 'grape' : 'blue'}
              radius="sm"
              tt="none"
              styles={NO_ELLIPSIS}
            >
              {isRole(role) ? t(`account.roles.${role}`) : role}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {account.departments.length === 0
            ? '—'
            : account.departments.map((code) => departmentName(departments, code)).join(', ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge
          tt="none"
          styles={NO_ELLIPSIS}
          color={STATE_COLORS[state]}
          variant={state === 'active' ? 'light' : 'filled'}
          radius="sm"
          data-testid="user-state"
        >
          {t(`admin.users.states.${state}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={6} justify="flex-end" wrap="nowrap">
          <Button size="compact-sm" variant="default" onClick={() => onAction('edit')}>
            {t('admin.users.edit')}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                size="compact-sm"
                variant="default"
                aria-label={t('admin.users.moreActions', { username: account.username })}
              >
                ⋯
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onAction('reset')}>{t('admin.users.resetPassword')}</Menu.Item>
              {account.disabled ? (
                <Menu.Item onClick={onEnable}>{t('admin.users.enable')}</Menu.Item>
              ) : (
                <Menu.Item color="red" disabled={isMe} onClick={() => onAction('disable')}>
                  {t('admin.users.disable')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

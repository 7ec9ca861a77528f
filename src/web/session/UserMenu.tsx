import { Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isRole } from '../../core/permissions.js';
import { usesAdministration } from '../admin/admin-sections.js';
import type { User } from '../api/types.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { useSignOut, useSignOutEverywhere } from './session-api.js';

/** The signed-in user's name in the header, opening their own account's actions. */
export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'password' | 'everywhere' | 'changed' | null>(null);

  return (
    <>
      <Menu position="bottom-end" width={280} withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="xs"
            rightSection={<span aria-hidden="true">▾</span>}
            title={t('session.signedInAs', { name: user.name })}
            loading={signOut.isPending}
            // A long name ("Ana López (ventanilla)") is cut short on a phone rather than pushing the
            // menu's arrow off the screen; the whole name is in the button's title.
            maw={{ base: 170, sm: 320 }}
          >
            <Text span size="sm" fw={500} truncate="end" data-testid="signed-in-user">
              {user.name}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {user.username} ·{' '}
            {user.roles.map((role) => (isRole(role) ? t(`account.roles.${role}`) : role)).join(', ')}
          </Menu.Label>
          {usesAdministration(user) && (
            // The header's link to the administration is hidden on a phone (AdminLink).
            <Menu.Item component={Link} to="/admin" hiddenFrom="sm">
              {t('admin.nav.link')}
            </Menu.Item>
          )}
          <Menu.Item onClick={() => setDialog('password')}>{t('account.changePassword')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item
            onClick={() =>
              // The next person to sign in on this PC starts at the desk, not on this user's page.
              signOut.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) })
            }
          >
            {t('session.signOut')}
          </Menu.Item>
          <Menu.Item color="red" onClick={() => setDialog('everywhere')}>
            {t('account.signOutEverywhere')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <Modal
        opened={dialog === 'password'}
        onClose={() => setDialog(null)}
        title={t('account.changePassword')}
      >
        <ChangePasswordForm
          username={user.username}
          onChanged={() => setDialog('changed')}
          secondaryAction={
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('account.cancel')}
            </Button>
          }
        />
      </Modal>
      <Modal
        opened={dialog === 'changed'}
        onClose={() => setDialog(null)}
        title={t('account.changePassword')}
      >
        <Stack gap="md">
          <Text role="status">{t('account.passwordChanged')}</Text>
          <Group justify="flex-end">
            <Button onClick={() => setDialog(null)}>{t('account.ok')}</Button>
          </Group>
        </Stack>
      </Modal>
      {dialog === 'everywhere' && (
        <SignOutEverywhereDialog
          onClose={() => setDialog(null)}
          onDone={() => navigate('/', { replace: true })}
        />
      )}
    </>
  );
}

function SignOutEverywhereDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const signOutEverywhere = useSignOutEverywhere();
  return (
    <Modal opened onClose={onClose} title={t('account.signOutEverywhere')}>
      <Stack gap="md">
        <Text size="sm">{t('account.signOutEverywhereHelp')}</Text>
        {signOutEverywhere.error && <ErrorMessage error={signOutEverywhere.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('account.cancel')}
          </Button>
          <Button
            color="red"
            loading={signOutEverywhere.isPending}
            onClick={() => signOutEverywhere.mutate(undefined, { onSuccess: onDone })}
          >
            {t('account.signOutEverywhereConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.js';
import { LanguageSwitch } from '../layout/LanguageSwitch.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { useSignOut } from './session-api.js';

/**
 * All a user sees while the password is one an administrator set: the server refuses
 * everything else until it is changed. Once changed, the session goes on into the app.
 */
export function ChangePasswordPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const signOut = useSignOut();

  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="change-password-title">
              {t('account.forcedTitle')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('app.name')} · {user.name} ({user.username})
            </Text>
          </div>
          <Alert color="blue" variant="light">
            {t('account.forcedExplanation')}
          </Alert>
          <ChangePasswordForm username={user.username} onChanged={() => undefined} />
          <Group justify="space-between">
            <LanguageSwitch />
            <Button variant="subtle" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('session.signOut')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}

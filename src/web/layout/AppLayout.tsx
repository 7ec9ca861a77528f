import { Anchor, AppShell, Box, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../api/types.js';
import { ReportLookup } from '../reports/ReportLookup.js';
import { useSignOut } from '../session/session-api.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function AppLayout({ user, children }: { user: User; children: ReactNode }) {
  const { t } = useTranslation();
  const signOut = useSignOut();

  return (
    <AppShell header={{ height: 80 }} padding="lg" bg="gray.0">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="lg" bg="white">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="lg">
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Anchor component={Link} to="/" underline="never" c="dark" fw={800} fz={24}>
              {t('app.name')}
            </Anchor>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap" align="center">
            <Box component="search" pt={18}>
              <ReportLookup />
            </Box>
            <LanguageSwitch />
            <Text
              size="sm"
              fw={500}
              data-testid="signed-in-user"
              title={t('session.signedInAs', { name: user.name })}
            >
              {user.name}
            </Text>
            <Button variant="default" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('session.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

import { Anchor, AppShell, Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AdminLink } from '../admin/AdminArea.js';
import type { User } from '../api/types.js';
import { QueueNavLinks } from '../queue/QueueNavLink.js';
import { ReportLookup } from '../reports/ReportLookup.js';
import { UserMenu } from '../session/UserMenu.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function AppLayout({ user, children }: { user: User; children: ReactNode }) {
  const { t } = useTranslation();

  return (
    <AppShell header={{ height: 80 }} padding={{ base: 'sm', sm: 'lg' }} bg="gray.0">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px={{ base: 'sm', sm: 'lg' }} bg="white">
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
            {/* On a phone (a technician in the street) the header keeps only the links and the account. */}
            <Box component="search" pt={18} visibleFrom="sm">
              <ReportLookup />
            </Box>
            <QueueNavLinks user={user} />
            <AdminLink user={user} />
            <LanguageSwitch />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

import { Alert, Anchor, Box, Flex, NavLink, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { User } from '../api/types.js';
import { NotFoundPage } from '../layout/NotFoundPage.js';
import { ADMIN_SECTIONS, type AdminSection, adminSectionsFor, usesAdministration } from './admin-sections.js';
import { AuditPage } from './audit/AuditPage.js';
import { DepartmentsPage } from './departments/DepartmentsPage.js';
import { OfficePage } from './office/OfficePage.js';
import { PromisesPage } from './promises/PromisesPage.js';
import { TokensPage } from './tokens/TokensPage.js';
import { UsersPage } from './users/UsersPage.js';

const PAGES: Record<AdminSection['key'], (user: User) => ReactNode> = {
  users: (user) => <UsersPage me={user} />,
  departments: () => <DepartmentsPage />,
  promises: () => <PromisesPage />,
  office: () => <OfficePage />,
  tokens: () => <TokensPage />,
  audit: () => <AuditPage />,
};

/** `/admin/*`: the sections this user's roles allow, with their own navigation. */
export function AdminArea({ user }: { user: User }) {
  const { t } = useTranslation();
  const location = useLocation();
  const sections = adminSectionsFor(user);
  const first = sections[0];

  if (!first) return <NoAccess />;

  // The sections beside the page from a tablet up; on a phone above it, at full width: beside it,
  // the page was left a third of a phone's width and its tables ran off the screen.
  return (
    <Flex
      direction={{ base: 'column', sm: 'row' }}
      align={{ base: 'stretch', sm: 'flex-start' }}
      gap="lg"
      maw={1280}
      mx="auto"
    >
      <Paper
        component="nav"
        aria-label={t('admin.nav.label')}
        withBorder
        radius="md"
        p="xs"
        w={{ base: '100%', sm: 220 }}
        pos={{ base: 'static', sm: 'sticky' }}
        top={96}
        style={{ flexShrink: 0 }}
      >
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={6}>
          {t('admin.nav.label')}
        </Text>
        {sections.map((section) => {
          const to = `/admin/${section.path}`;
          const active = location.pathname === to || location.pathname.startsWith(`${to}/`);
          return (
            <NavLink
              key={section.key}
              component={Link}
              to={to}
              label={t(`admin.nav.${section.key}`)}
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            />
          );
        })}
      </Paper>
      <Box component="section" style={{ flex: 1, minWidth: 0 }}>
        <Routes>
          <Route index element={<Navigate to={first.path} replace />} />
          {ADMIN_SECTIONS.map((section) => (
            <Route
              key={section.key}
              path={section.path}
              element={sections.includes(section) ? PAGES[section.key](user) : <NoAccess />}
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Box>
    </Flex>
  );
}

function NoAccess() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('admin.noAccess.title')} maw={640} mx="auto" role="alert">
      <Text size="sm">{t('admin.noAccess.body')}</Text>
      <Anchor component={Link} to="/" size="sm">
        {t('notFoundPage.home')}
      </Anchor>
    </Alert>
  );
}

/** The header's way in, shown only to those who may use some section. */
export function AdminLink({ user }: { user: User }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!usesAdministration(user)) return null;
  const active = location.pathname.startsWith('/admin');
  return (
    <Anchor
      component={Link}
      to="/admin"
      size="sm"
      fw={600}
      c={active ? 'blue.8' : 'dark'}
      aria-current={active ? 'page' : undefined}
      // On a phone the header has room for the account only, as for the queue's links: the
      // account's menu has this link there (UserMenu).
      visibleFrom="sm"
      style={{ whiteSpace: 'nowrap' }}
    >
      {t('admin.nav.link')}
    </Anchor>
  );
}

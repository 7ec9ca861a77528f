import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { User } from '../api/types.js';
import { rolesOf } from '../backoffice/assignment-options.js';
import { isTechnician, TECHNICIAN_PATH } from '../technician/field-work.js';

/** Those who work reports in departments: back office, supervisors, technicians, administrators. */
const QUEUE_ROLES = ['backoffice', 'supervisor', 'technician', 'admin'];

/** The header's links to the queue and, for technicians, to their faults. */
export function QueueNavLinks({ user }: { user: User }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const links: { to: string; label: string; testId: string }[] = [];
  if (isTechnician(user))
    links.push({ to: TECHNICIAN_PATH, label: t('technician.navLink'), testId: 'nav-technician' });
  if (rolesOf(user).some((role) => QUEUE_ROLES.includes(role)))
    links.push({ to: '/cola', label: t('queue.navLink'), testId: 'nav-queue' });
  return links.map((link) => {
    const active = pathname === link.to || pathname.startsWith(`${link.to}/`);
    return (
      <Anchor
        key={link.to}
        component={Link}
        to={link.to}
        size="sm"
        fw={600}
        c={active ? 'blue.8' : 'dark'}
        aria-current={active ? 'page' : undefined}
        data-testid={link.testId}
        // On a phone the header has room for the account only; "Folio" leads home (a technician's faults).
        visibleFrom="sm"
        style={{ whiteSpace: 'nowrap' }}
      >
        {link.label}
      </Anchor>
    );
  });
}

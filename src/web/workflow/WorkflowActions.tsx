import { Alert, Button, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Action, can, isRole } from '../../core/permissions.js';
import { isOpenStatus } from '../../core/workflow.js';
import type { Report } from '../api/types.js';
import { reportKey } from '../reports/report-api.js';
import { RerouteModal } from '../routing/RerouteModal.js';
import { useSession } from '../session/session-api.js';
import { actionLabelKey } from './action-labels.js';
import { TransitionModal } from './TransitionModal.js';
import { type TransitionAction, transitionActions } from './workflow-actions.js';

const BUTTON_STYLE: Partial<Record<TransitionAction['kind'], { variant: string; color?: string }>> = {
  resolve: { variant: 'filled', color: 'teal' },
  cancel: { variant: 'subtle', color: 'red' },
};

/** One button per status change the workflow table allows from here, plus "Canalizar". */
export function WorkflowActions({ report }: { report: Report }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const [open, setOpen] = useState<TransitionAction | 'reroute' | null>(null);
  const [stale, setStale] = useState(false);

  // The server checks every change; the page only hides what the user could not do.
  const roles = (session.data?.roles ?? []).filter(isRole);
  const allowed = (action: Action) => can({ roles }, action);
  const actions = allowed('reports:transition') ? transitionActions(report.status) : [];
  const canReroute = allowed('reports:route') && isOpenStatus(report.status);

  function staleVersion() {
    setOpen(null);
    setStale(true);
    void queryClient.invalidateQueries({ queryKey: reportKey(report.number) });
  }

  function openModal(next: TransitionAction | 'reroute') {
    setStale(false);
    setOpen(next);
  }

  if (actions.length === 0 && !canReroute) return null;
  return (
    <>
      {stale && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          withCloseButton
          onClose={() => setStale(false)}
          title={t('workflow.staleVersion')}
          data-testid="stale-version"
          mb="sm"
        >
          {t('workflow.reloaded')}
        </Alert>
      )}
      <Group gap="xs" role="group" aria-label={t('workflow.actions')} data-testid="workflow-actions">
        {actions.map((action) => (
          <Button
            key={action.to}
            variant={BUTTON_STYLE[action.kind]?.variant ?? 'light'}
            color={BUTTON_STYLE[action.kind]?.color}
            onClick={() => openModal(action)}
          >
            {t(actionLabelKey(action, report))}
          </Button>
        ))}
        {canReroute && (
          <Button variant="default" onClick={() => openModal('reroute')} ml={actions.length > 0 ? 'auto' : 0}>
            {t('workflow.reroute')}
          </Button>
        )}
      </Group>
      {open === 'reroute' ? (
        <RerouteModal report={report} onClose={() => setOpen(null)} onStale={staleVersion} />
      ) : open ? (
        <TransitionModal report={report} action={open} onClose={() => setOpen(null)} onStale={staleVersion} />
      ) : null}
    </>
  );
}

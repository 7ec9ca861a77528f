import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Actor, User } from '../api/types.js';
import { AssignToForm } from '../backoffice/AssignToForm.js';
import { assignmentOptions } from '../backoffice/assignment-options.js';
import type { QueueReport } from './queue-api.js';

interface BulkAssignBarProps {
  user: User;
  chosen: QueueReport[];
  /** The queue's department, if it shows one; else the chosen reports' own, when they share one. */
  department: string | null;
  known: readonly Actor[];
  pending: boolean;
  onAssign: (assignee: string) => void;
  onClear: () => void;
}

/** What to do with the ticked reports: take them all, or (supervisors) hand them to someone. */
export function BulkAssignBar({
  user,
  chosen,
  department,
  known,
  pending,
  onAssign,
  onClear,
}: BulkAssignBarProps) {
  const { t } = useTranslation();
  const options = chosen.map((row) => assignmentOptions(user, row));
  // Only free reports are taken from the list (see QueueTable).
  const canTake = chosen.some((row, i) => row.assignee === null && options[i]?.take);
  const canAssign = options.some((o) => o.assignOthers);
  const departments = new Set(chosen.map((row) => row.department));
  const shared = department ?? (departments.size === 1 ? ([...departments][0] ?? null) : null);

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg="blue.0"
      role="region"
      aria-label={t('queue.bulk.label')}
      data-testid="bulk-assign"
    >
      <Group justify="space-between" gap="sm" wrap="wrap" align="flex-end">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Text fw={600} size="sm" aria-live="polite" pb={6}>
            {t('queue.bulk.selected', { count: chosen.length })}
          </Text>
          {canTake && (
            <Button onClick={() => onAssign('me')} loading={pending}>
              {t('queue.bulk.takeThem')}
            </Button>
          )}
          {canAssign && (
            <AssignToForm
              user={user}
              department={shared}
              known={known}
              pending={pending}
              submitLabel={t('queue.bulk.assign')}
              onAssign={onAssign}
            />
          )}
        </Group>
        <Button variant="subtle" color="gray" onClick={onClear}>
          {t('queue.bulk.clear')}
        </Button>
      </Group>
    </Paper>
  );
}

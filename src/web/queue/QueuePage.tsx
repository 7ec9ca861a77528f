import {
  Alert,
  Box,
  Button,
  Group,
  Kbd,
  List,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { canSeeDepartment, isRole } from '../../core/permissions.js';
import { formatReportNumber } from '../../core/report-number.js';
import type { Actor, User } from '../api/types.js';
import { ErrorMessage, errorText } from '../layout/ErrorMessage.js';
import { reportPath } from '../reports/report-api.js';
import { useRoutingTable } from '../routing/routing-api.js';
import { departmentName } from '../routing/routing-table.js';
import { BulkAssignBar } from './BulkAssignBar.js';
import { QueueFiltersBar } from './QueueFiltersBar.js';
import { QueueTable } from './QueueTable.js';
import { type AssignOutcome, type QueueReport, useAssignMany, useQueue } from './queue-api.js';
import { filtersFromSearch, type QueueFilters, queueApiQuery, searchFromFilters } from './queue-filters.js';

const ALL = '*';

/** `/cola` and `/cola/:department`: the reports to work, soonest promise first. */
export function QueuePage({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { department: departmentParam } = useParams();
  const department = departmentParam ?? null;
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const query = queueApiQuery(filters, department);
  const queue = useQueue(query);
  const assign = useAssignMany();
  const { departments } = useRoutingTable();

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(-1);
  const [outcome, setOutcome] = useState<{ assignee: string; results: AssignOutcome[] } | null>(null);

  const rows = useMemo(() => queue.data?.pages.flatMap((page) => page.reports) ?? [], [queue.data]);
  const known = useMemo(() => assigneesOf(rows), [rows]);

  // Another filter is another list: ticks and the keyboard's place start over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the query changes.
  useEffect(() => {
    setSelected(new Set());
    setActive(-1);
  }, [query]);

  const roles = user.roles.filter(isRole);
  const seesAll = canSeeDepartment({ roles, departments: user.departments }, null);
  const choices = seesAll ? (departments?.map((d) => d.code) ?? []) : user.departments;

  // Someone who works in one department has one queue: go straight to it.
  if (department === null && !seesAll && user.departments.length === 1 && user.departments[0]) {
    const only = user.departments[0];
    return <Navigate to={{ pathname: `/cola/${only}`, search: search.toString() }} replace />;
  }

  function setFilters(next: QueueFilters) {
    setSearch(searchFromFilters(next), { replace: true });
  }

  function chooseDepartment(code: string) {
    const path = code === ALL ? '/cola' : `/cola/${encodeURIComponent(code)}`;
    navigate({ pathname: path, search: search.toString() });
  }

  function select(numbers: string[], on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const number of numbers) {
        if (on) next.add(number);
        else next.delete(number);
      }
      return next;
    });
  }

  function assignTo(numbers: string[], assignee: string) {
    setOutcome(null);
    assign.mutate(
      { numbers, assignee },
      {
        onSuccess: (results) => {
          setOutcome({ assignee, results });
          const done = new Set(results.filter((r) => r.error === null).map((r) => r.number));
          setSelected((current) => new Set([...current].filter((n) => !done.has(n))));
        },
      },
    );
  }

  const chosen = rows.filter((row) => selected.has(row.number));
  const title = department ? departmentName(departments, department) : t('queue.allDepartments');

  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('queue.title', { department: title })}
          </Title>
          <Text size="sm" c="dimmed" id="queue-keys-help">
            {t('queue.keysHelpBefore')} <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('queue.keysMove')} ·{' '}
            <Kbd size="xs">Enter</Kbd> {t('queue.keysOpen')} · <Kbd size="xs">T</Kbd> {t('queue.keysTake')} ·{' '}
            <Kbd size="xs">X</Kbd> {t('queue.keysSelect')}
          </Text>
        </div>
        {choices.length > 1 && (
          // The departments scroll sideways on a narrow screen rather than widen the page.
          <Box maw="100%" style={{ overflowX: 'auto' }}>
            <SegmentedControl
              aria-label={t('queue.department')}
              value={department ?? ALL}
              onChange={chooseDepartment}
              data={[
                { value: ALL, label: t('queue.allDepartmentsShort') },
                ...choices.map((code) => ({ value: code, label: departmentName(departments, code) })),
              ]}
            />
          </Box>
        )}
      </Group>

      <QueueFiltersBar filters={filters} onChange={setFilters} assignees={known} />

      {chosen.length > 0 && (
        <BulkAssignBar
          user={user}
          chosen={chosen}
          department={department}
          known={known}
          pending={assign.isPending}
          onAssign={(assignee) =>
            assignTo(
              // "Tomarlos" takes the free ones; handing over (supervisors) moves every ticked report.
              chosen.filter((row) => assignee !== 'me' || row.assignee === null).map((row) => row.number),
              assignee,
            )
          }
          onClear={() => setSelected(new Set())}
        />
      )}
      {outcome && <AssignOutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} />}

      <Paper withBorder radius="md" p={0} style={{ overflowX: 'auto' }} aria-busy={queue.isFetching}>
        {queue.isError && !queue.data ? (
          <Stack p="md">
            <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />
          </Stack>
        ) : queue.isPending ? (
          <Group justify="center" p="xl">
            <Loader aria-label={t('common.loading')} />
          </Group>
        ) : rows.length === 0 ? (
          <Text p="xl" ta="center" c="dimmed" data-testid="queue-empty">
            {t('queue.empty')}
          </Text>
        ) : (
          <div style={{ opacity: queue.isPlaceholderData ? 0.6 : 1 }}>
            <QueueTable
              rows={rows}
              user={user}
              selected={selected}
              onSelect={select}
              active={active}
              onActiveChange={setActive}
              onOpen={(row) => navigate(reportPath(row.number))}
              onTake={(row) => assignTo([row.number], 'me')}
              taking={
                assign.isPending && assign.variables?.numbers.length === 1
                  ? (assign.variables.numbers[0] ?? null)
                  : null
              }
            />
          </div>
        )}
      </Paper>

      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" data-testid="queue-count">
          {rows.length > 0 && t('queue.showing', { count: rows.length })}
        </Text>
        {queue.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void queue.fetchNextPage()}
            loading={queue.isFetchingNextPage}
          >
            {t('queue.loadMore')}
          </Button>
        )}
      </Group>
      {queue.isError && queue.data && <ErrorMessage error={queue.error} />}
    </Stack>
  );
}

function assigneesOf(rows: readonly QueueReport[]): Actor[] {
  const people = new Map<string, Actor>();
  for (const row of rows) if (row.assignee) people.set(row.assignee.username, row.assignee);
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

function AssignOutcomeAlert({
  outcome,
  onClose,
}: {
  outcome: { assignee: string; results: AssignOutcome[] };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const failed = outcome.results.filter((r) => r.error !== null);
  const done = outcome.results.length - failed.length;
  const taking = outcome.assignee === 'me';
  return (
    <Alert
      color={failed.length === 0 ? 'teal' : done === 0 ? 'red' : 'orange'}
      variant="light"
      role={failed.length > 0 ? 'alert' : 'status'}
      withCloseButton
      onClose={onClose}
      data-testid="assign-outcome"
      title={
        done > 0
          ? taking
            ? t('queue.bulk.taken', { count: done })
            : t('queue.bulk.assigned', { count: done, assignee: outcome.assignee })
          : t('queue.bulk.noneAssigned')
      }
    >
      {failed.length > 0 && (
        <List size="sm" spacing={2}>
          {failed.map((r) => (
            <List.Item key={r.number}>
              {formatReportNumber(r.number)}: {errorText(r.error, t)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

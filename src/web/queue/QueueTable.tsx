import { Anchor, Button, Checkbox, Table, Text, VisuallyHidden } from '@mantine/core';
import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../api/types.js';
import { assignmentOptions } from '../backoffice/assignment-options.js';
import { formatPromise } from '../format/dates.js';
import { useLanguage } from '../i18n/index.js';
import { useNow } from '../promises/use-now.js';
import { reportPath } from '../reports/report-api.js';
import { StatusBadge } from '../workflow/StatusBadge.js';
import { PromiseSummary, rowStanding } from './promise-summary.js';
import type { QueueReport } from './queue-api.js';
import { movedIndex, queueKeyAction } from './queue-keys.js';

const ROW_TINT = {
  at_risk: 'var(--mantine-color-yellow-1)',
  breached: 'var(--mantine-color-red-1)',
} as const;
const ROW_EDGE = {
  at_risk: 'var(--mantine-color-orange-6)',
  breached: 'var(--mantine-color-red-7)',
} as const;

interface QueueTableProps {
  rows: QueueReport[];
  user: User;
  selected: ReadonlySet<string>;
  onSelect: (numbers: string[], selected: boolean) => void;
  active: number;
  onActiveChange: (index: number) => void;
  onOpen: (row: QueueReport) => void;
  onTake: (row: QueueReport) => void;
  /** The report being taken right now, if any. */
  taking: string | null;
}

/**
 * The queue as a table worked from the keyboard: ↑/↓ move between rows (each row takes the
 * focus), Enter opens the report, T takes it. Clicks work the same way.
 */
export function QueueTable(props: QueueTableProps) {
  const { rows, user, selected, onSelect, active, onActiveChange, onOpen, onTake, taking } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.number));
  const someSelected = rows.some((r) => selected.has(r.number));

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    // Keys typed into the row's checkbox or buttons keep their own meaning.
    if (event.target !== event.currentTarget) return;
    const action = queueKeyAction(event);
    const row = rows[index];
    if (!action || !row) return;
    event.preventDefault();
    if (action === 'open') onOpen(row);
    else if (action === 'select') onSelect([row.number], !selected.has(row.number));
    else if (action === 'take') {
      if (row.assignee === null && assignmentOptions(user, row).take) onTake(row);
    } else {
      const next = movedIndex(index, action, rows.length);
      onActiveChange(next);
      rowRefs.current[next]?.focus();
    }
  }

  // On a narrow screen the table scrolls sideways in its own box (as WCAG's reflow allows a data
  // table), instead of widening the page and pushing the header's menu off the screen.
  return (
    <Table.ScrollContainer minWidth={1000} type="native">
      <Table
        highlightOnHover
        verticalSpacing="xs"
        aria-label={t('queue.tableLabel')}
        aria-describedby="queue-keys-help"
        data-testid="queue-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('queue.selectAll')}
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                onChange={() =>
                  onSelect(
                    rows.map((r) => r.number),
                    !allSelected,
                  )
                }
              />
            </Table.Th>
            <Table.Th>{t('queue.columns.number')}</Table.Th>
            <Table.Th>{t('queue.columns.promise')}</Table.Th>
            <Table.Th>{t('queue.columns.customer')}</Table.Th>
            <Table.Th>{t('queue.columns.type')}</Table.Th>
            <Table.Th>{t('queue.columns.status')}</Table.Th>
            <Table.Th>{t('queue.columns.assignee')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('queue.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => {
            const standing = rowStanding(row, now);
            const flagged =
              standing.kind === 'running' && standing.state !== 'on_track' ? standing.state : null;
            // From the list only a free report is taken: taking one over is done on its page, in sight of who has it.
            const takeable = row.assignee === null && assignmentOptions(user, row).take;
            const isActive = index === active;
            return (
              <Table.Tr
                key={row.number}
                ref={(element) => {
                  rowRefs.current[index] = element;
                }}
                tabIndex={isActive || (active < 0 && index === 0) ? 0 : -1}
                onFocus={(event) => {
                  if (event.target === event.currentTarget) onActiveChange(index);
                }}
                onKeyDown={(event) => onRowKey(event, index)}
                onDoubleClick={() => onOpen(row)}
                data-number={row.number}
                data-promise={flagged ?? 'on_track'}
                data-active={isActive || undefined}
                aria-current={isActive ? 'true' : undefined}
                style={{
                  background: flagged ? ROW_TINT[flagged] : undefined,
                  boxShadow: flagged ? `inset 4px 0 0 ${ROW_EDGE[flagged]}` : undefined,
                  outline: isActive ? '2px solid var(--mantine-primary-color-filled)' : undefined,
                  outlineOffset: -2,
                  cursor: 'default',
                }}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={t('queue.selectRow', { number: row.displayNumber })}
                    checked={selected.has(row.number)}
                    onChange={(event) => onSelect([row.number], event.currentTarget.checked)}
                    tabIndex={-1}
                  />
                </Table.Td>
                <Table.Td>
                  {/* A report number is read out to customers: never broken at its dashes. */}
                  <Anchor
                    component={Link}
                    to={reportPath(row.number)}
                    fw={600}
                    ff="monospace"
                    tabIndex={-1}
                    style={{ whiteSpace: 'nowrap' }}
                    data-testid="queue-number"
                  >
                    {row.displayNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {row.dueAt ? formatPromise(row.dueAt, language, 'short') : t('common.noData')}
                  </Text>
                  <PromiseSummary standing={standing} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.customer.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.customerNumber}
                    {row.customer.colonia ? ` · ${row.customer.colonia}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`reportTypes.${row.type}`)}</Text>
                  {row.track && (
                    <Text size="xs" c="dimmed">
                      {t(`tracks.${row.track}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={row.status} color="gray" size="sm" data-testid="queue-status" />
                </Table.Td>
                <Table.Td>
                  {row.assignee ? (
                    <Text size="sm">
                      {row.assignee.username === user.username ? t('queue.you') : row.assignee.name}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('queue.unassigned')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {takeable && (
                    <Button
                      size="xs"
                      variant="light"
                      tabIndex={-1}
                      loading={taking === row.number}
                      onClick={() => onTake(row)}
                      aria-label={t('queue.takeReport', { number: row.displayNumber })}
                    >
                      {t('queue.take')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

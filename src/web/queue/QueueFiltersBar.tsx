import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROMISE_STATES } from '../../core/promise.js';
import { CHANNELS, REPORT_TYPES, STATUSES } from '../../core/report.js';
import { SHORTEST_SEARCH_TERM } from '../../core/requests/back-office.js';
import { TRACKS } from '../../core/routing.js';
import type { Actor } from '../api/types.js';
import { ChecklistFilter } from './ChecklistFilter.js';
import { narrowingCount, OPEN_STATUSES, QUEUE_SORTS, type QueueFilters } from './queue-filters.js';

interface QueueFiltersBarProps {
  filters: QueueFilters;
  onChange: (next: QueueFilters) => void;
  /** Assignees seen in the queue, offered by name in the assignee filter. */
  assignees: readonly Actor[];
}

/** Every filter of the queue; each change goes to the address bar, which the list follows. */
export function QueueFiltersBar({ filters, onChange, assignees }: QueueFiltersBarProps) {
  const { t } = useTranslation();
  const set = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) =>
    onChange({ ...filters, [key]: value });

  const assigneeOptions = [
    { value: '', label: t('queue.filters.anyone') },
    { value: 'me', label: t('queue.filters.mine') },
    { value: 'none', label: t('queue.filters.unassigned') },
    ...assignees.map((a) => ({ value: a.username, label: a.name })),
  ];
  if (filters.assignee && !assigneeOptions.some((o) => o.value === filters.assignee))
    assigneeOptions.push({ value: filters.assignee, label: filters.assignee });

  const any = (label: string) => [{ value: '', label }];
  const choiceSummary = (labels: string[], none: string) =>
    labels.length === 0
      ? none
      : labels.length <= 2
        ? labels.join(', ')
        : t('queue.filters.chosen', { count: labels.length });
  const statusSummary =
    filters.status.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => filters.status.includes(s))
      ? t('queue.filters.openStatuses')
      : choiceSummary(
          filters.status.map((s) => t(`statuses.${s}`)),
          t('queue.filters.anyStatus'),
        );

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      role="search"
      aria-label={t('queue.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4, lg: 6 }} spacing="sm" verticalSpacing="xs">
        <DebouncedInput
          label={t('queue.filters.q')}
          placeholder={t('queue.filters.qPlaceholder')}
          value={filters.q}
          onCommit={(q) => set('q', q)}
          minLength={SHORTEST_SEARCH_TERM}
          tooShort={t('queue.filters.qTooShort', { count: SHORTEST_SEARCH_TERM })}
          type="search"
          data-testid="queue-search"
        />
        <ChecklistFilter
          label={t('queue.filters.status')}
          options={STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          value={filters.status}
          onChange={(status) => set('status', status)}
          summary={statusSummary}
          presets={[
            { label: t('queue.filters.openStatuses'), value: OPEN_STATUSES },
            { label: t('queue.filters.anyStatus'), value: [] },
          ]}
        />
        <NativeSelect
          label={t('queue.filters.assignee')}
          data={assigneeOptions}
          value={filters.assignee}
          onChange={(event) => set('assignee', event.currentTarget.value)}
        />
        <NativeSelect
          label={t('queue.filters.promise')}
          data={[
            ...any(t('queue.filters.anyPromise')),
            ...PROMISE_STATES.map((s) => ({ value: s, label: t(`promiseStates.${s}`) })),
          ]}
          value={filters.promise}
          onChange={(event) => set('promise', event.currentTarget.value as QueueFilters['promise'])}
        />
        <ChecklistFilter
          label={t('queue.filters.type')}
          options={REPORT_TYPES.map((type) => ({ value: type, label: t(`reportTypes.${type}`) }))}
          value={filters.type}
          onChange={(type) => set('type', type)}
          summary={choiceSummary(
            filters.type.map((type) => t(`reportTypes.${type}`)),
            t('queue.filters.anyType'),
          )}
        />
        <NativeSelect
          label={t('queue.filters.track')}
          data={[
            ...any(t('queue.filters.anyTrack')),
            ...TRACKS.map((tr) => ({ value: tr, label: t(`tracks.${tr}`) })),
          ]}
          value={filters.track}
          onChange={(event) => set('track', event.currentTarget.value as QueueFilters['track'])}
        />
        <NativeSelect
          label={t('queue.filters.channel')}
          data={[
            ...any(t('queue.filters.anyChannel')),
            ...CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) })),
          ]}
          value={filters.channel}
          onChange={(event) => set('channel', event.currentTarget.value as QueueFilters['channel'])}
        />
        <DebouncedInput
          label={t('queue.filters.colonia')}
          placeholder={t('queue.filters.coloniaPlaceholder')}
          value={filters.colonia}
          onCommit={(colonia) => set('colonia', colonia)}
        />
        <TextInput
          type="date"
          label={t('queue.filters.createdFrom')}
          value={filters.createdFrom}
          max={filters.createdTo || undefined}
          onChange={(event) => set('createdFrom', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('queue.filters.createdTo')}
          value={filters.createdTo}
          min={filters.createdFrom || undefined}
          onChange={(event) => set('createdTo', event.currentTarget.value)}
        />
        <NativeSelect
          label={t('queue.filters.sort')}
          data={QUEUE_SORTS.map((s) => ({ value: s, label: t(`queue.sorts.${s}`) }))}
          value={filters.sort}
          onChange={(event) => set('sort', event.currentTarget.value === '-created' ? '-created' : 'promise')}
        />
        <Group align="flex-end">
          <Button
            variant="subtle"
            disabled={narrowingCount(filters) === 0}
            onClick={() =>
              onChange({
                status: [...OPEN_STATUSES],
                assignee: '',
                type: [],
                track: '',
                channel: '',
                colonia: '',
                promise: '',
                createdFrom: '',
                createdTo: '',
                q: '',
                sort: filters.sort,
              })
            }
          >
            {t('queue.filters.clear')}
          </Button>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}

interface DebouncedInputProps {
  label: string;
  placeholder: string;
  value: string;
  onCommit: (value: string) => void;
  /** Below this many characters (but not empty) the value is not sent; `tooShort` says why. */
  minLength?: number;
  tooShort?: string;
  type?: string;
  'data-testid'?: string;
}

/** Typing does not ask the server on every key: the value goes to the address bar after a pause. */
function DebouncedInput({ value, onCommit, minLength = 0, tooShort, ...props }: DebouncedInputProps) {
  const [typed, setTyped] = useState(value);
  const isShort = (text: string) => text.trim().length > 0 && [...text.trim()].length < minLength;
  const commit = useDebouncedCallback((next: string) => {
    if (!isShort(next)) onCommit(next.trim());
  }, 350);
  // The address bar changed by other means (clear, back button): show what it says.
  useEffect(() => {
    setTyped((current) => (current.trim() === value ? current : value));
  }, [value]);
  return (
    <TextInput
      {...props}
      value={typed}
      maxLength={100}
      description={isShort(typed) ? tooShort : undefined}
      onChange={(event) => {
        setTyped(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commit.flush();
        }
      }}
    />
  );
}

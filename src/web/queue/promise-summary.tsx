import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PromiseState } from '../../core/promise.js';
import type { ReportStatus } from '../../core/report.js';
import { formatDuration } from '../format/durations.js';
import { type PromiseStanding, promiseStanding } from '../promises/promise-clock.js';

/** A list row's promise, read the way the report page reads a whole report. */
export function rowStanding(
  row: { status: ReportStatus; dueAt: string | null; promiseState: PromiseState | null },
  now: Date,
): PromiseStanding {
  return promiseStanding({ ...row, promiseKept: null, paused: row.status === 'waiting_customer' }, now);
}

/** Amber for at risk, red for breached: the colours the queue is scanned by. */
export function standingColor(standing: PromiseStanding): 'orange' | 'red' | 'teal' | 'gray' {
  if (standing.kind !== 'running') return 'gray';
  return standing.state === 'breached' ? 'red' : standing.state === 'at_risk' ? 'orange' : 'teal';
}

/** The state in words (never by colour alone) and the time left or overdue. */
export function PromiseSummary({ standing, size = 'sm' }: { standing: PromiseStanding; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const color = standingColor(standing);
  if (standing.kind === 'paused')
    return (
      <Badge size={size} variant="light" color="gray" data-standing="paused">
        {t('queue.promise.paused')}
      </Badge>
    );
  if (standing.kind !== 'running') return null;
  return (
    <>
      <Badge
        size={size}
        variant={standing.state === 'on_track' ? 'light' : 'filled'}
        color={color}
        data-standing={standing.state}
      >
        {t(`promiseStates.${standing.state}`)}
      </Badge>
      <Text
        span
        size="xs"
        c={standing.state === 'on_track' ? 'dimmed' : `${color}.9`}
        ml={6}
        fw={standing.state === 'on_track' ? 400 : 600}
      >
        {standing.msLeft < 0
          ? t('promise.overdue', { duration: formatDuration(standing.msLeft, t) })
          : t('promise.timeLeft', { duration: formatDuration(standing.msLeft, t) })}
      </Text>
    </>
  );
}

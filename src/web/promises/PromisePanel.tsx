import { Badge, DataList, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Report } from '../api/types.js';
import { formatDateTime, formatPromise } from '../format/dates.js';
import { formatDuration } from '../format/durations.js';
import { useLanguage } from '../i18n/index.js';
import { type PromiseStanding, pauseLength, promiseStanding } from './promise-clock.js';
import { useNow } from './use-now.js';

const STATE_COLORS = { on_track: 'teal', at_risk: 'orange', breached: 'red' } as const;

/** The promise on the report page: when, how much time is left, and what stopped the clock. */
export function PromisePanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const standing = promiseStanding(report, now);
  const date = (iso: string) => formatDateTime(iso, language);

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="promise-title"
      data-testid="promise-panel"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="md">
          <Title order={2} size="h5" id="promise-title">
            {t('promise.title')}
          </Title>
          <Standing standing={standing} />
        </Group>
        <DataList size="sm" labelWidth={170} gap="xs">
          {report.dueAt && (
            <DataList.Item>
              <DataList.ItemLabel>{t('promise.dueAt')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="promise-due-at">
                {formatPromise(report.dueAt, language, 'long')}{' '}
                <Text span size="xs" c="dimmed">
                  ({t('promise.timeZone')})
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
          )}
          {report.track && (
            <DataList.Item>
              <DataList.ItemLabel>{t('report.track')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="report-track">
                {t(`tracks.${report.track}`)}
                {report.urgent && (
                  <Badge color="red" variant="light" ml="xs">
                    {t('promise.urgent')}
                  </Badge>
                )}
              </DataList.ItemValue>
            </DataList.Item>
          )}
          {(report.departmentName ?? report.department) && (
            <DataList.Item>
              <DataList.ItemLabel>{t('report.department')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="report-department">
                {report.departmentName ?? report.department}
              </DataList.ItemValue>
            </DataList.Item>
          )}
          {report.track === 'external' && report.externalCause && report.externalDays !== null && (
            <DataList.Item>
              <DataList.ItemLabel>{t('routingOptions.external')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {t(`externalCauses.${report.externalCause}`)} ·{' '}
                {t('routingOptions.externalDaysValue', { count: report.externalDays })}
              </DataList.ItemValue>
            </DataList.Item>
          )}
          {report.documentsNeeded && (
            <DataList.Item>
              <DataList.ItemLabel>{t('promise.documentsNeeded')}</DataList.ItemLabel>
              <DataList.ItemValue>✓</DataList.ItemValue>
            </DataList.Item>
          )}
          {report.resolvedAt && (
            <DataList.Item>
              <DataList.ItemLabel>{t('promise.resolvedAt')}</DataList.ItemLabel>
              <DataList.ItemValue>{date(report.resolvedAt)}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        {report.pauses.length > 0 && (
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('promise.pauses')}
            </Text>
            <List size="sm" spacing={2} data-testid="pauses-list">
              {report.pauses.map((pause) => (
                <List.Item key={pause.from}>
                  {pause.to
                    ? t('promise.pauseRange', { from: date(pause.from), to: date(pause.to) })
                    : t('promise.pauseOpen', { from: date(pause.from) })}{' '}
                  <Text span inherit c="dimmed">
                    ({formatDuration(pauseLength(pause, now), t)})
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function Standing({ standing }: { standing: PromiseStanding }) {
  const { t } = useTranslation();
  let color: string;
  let label: string;
  switch (standing.kind) {
    case 'none':
      return null;
    case 'cancelled':
      color = 'gray';
      label = t('promise.cancelled');
      break;
    case 'paused':
      color = 'gray';
      label = t('promise.paused');
      break;
    case 'kept':
      color = 'teal';
      label = `✓ ${t('promise.kept')}`;
      break;
    case 'missed':
      color = 'red';
      label = `✗ ${t('promise.missed')}`;
      break;
    case 'running': {
      color = STATE_COLORS[standing.state];
      const duration = formatDuration(standing.msLeft, t);
      label = standing.msLeft < 0 ? t('promise.overdue', { duration }) : t('promise.timeLeft', { duration });
      break;
    }
  }
  return (
    <Badge
      size="xl"
      radius="sm"
      variant={standing.kind === 'running' ? 'filled' : 'light'}
      color={color}
      tt="none"
      data-testid="promise-standing"
      data-standing={standing.kind === 'running' ? standing.state : standing.kind}
    >
      {label}
    </Badge>
  );
}

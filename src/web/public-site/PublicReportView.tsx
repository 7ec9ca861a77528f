import { Alert, DataList, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenStatus } from '../../core/workflow.js';
import { formatDateTime } from '../format/dates.js';
import { useLanguage } from '../i18n/index.js';
import { statusTextColor } from '../workflow/status-colors.js';
import type { PublicReport } from './public-api.js';
import { describePublicEntry } from './public-timeline.js';

/** What a customer sees of their report, and nothing else: the public answer, worded plainly. */
export function PublicReportView({
  report,
  titleRef,
}: {
  report: PublicReport;
  titleRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation('public');
  const { t: staff } = useTranslation();
  const language = useLanguage();
  const statusHelp = t(`followUp.statusHelp.${report.status}`, { defaultValue: '' });

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="public-report-title"
      data-testid="public-report"
    >
      <Stack gap="md">
        <Title order={2} size="h4" id="public-report-title" ref={titleRef} tabIndex={-1}>
          {t('followUp.resultTitle', { number: report.displayNumber })}
        </Title>

        <div>
          <Text size="sm" c="dimmed" fw={600} tt="uppercase">
            {t('followUp.status')}
          </Text>
          <Text
            component="p"
            className="public-status"
            c={statusTextColor(report.status)}
            data-testid="public-status"
          >
            {report.statusText}
          </Text>
          {statusHelp && <Text mt={4}>{statusHelp}</Text>}
        </div>

        {report.paused && (
          <Alert color="orange" variant="light" data-testid="public-paused">
            <Text fw={700}>{t('followUp.paused')}</Text>
            <Text size="sm" mt={4}>
              {t('followUp.pausedHelp')}
            </Text>
          </Alert>
        )}

        {/* Once resolved, closed or cancelled, "it will be resolved by…" no longer tells anything. */}
        {report.promiseText && isOpenStatus(report.status) && (
          <Paper radius="md" p="md" bg="blue.0">
            <Text size="sm" fw={700} c="blue.9" tt="uppercase" mb={4}>
              {t('followUp.promise')}
            </Text>
            <Text fz="lg" fw={700} c="blue.9" lh={1.35} data-testid="public-promise">
              {report.promiseText}
            </Text>
          </Paper>
        )}

        {report.resolution && (
          <Paper radius="md" p="md" bg="teal.0">
            <Text size="sm" fw={700} c="teal.9" tt="uppercase" mb={4}>
              {t('followUp.resolution')}
            </Text>
            <Text className="public-wrap" data-testid="public-resolution">
              {report.resolution}
            </Text>
          </Paper>
        )}

        <DataList size="md" gap="xs" orientation="vertical">
          <DataList.Item>
            <DataList.ItemLabel>{t('followUp.type')}</DataList.ItemLabel>
            <DataList.ItemValue data-testid="public-type">
              {staff(`reportTypes.${report.type}`, { defaultValue: report.type })}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('followUp.filedAt')}</DataList.ItemLabel>
            <DataList.ItemValue>{formatDateTime(report.createdAt, language)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>

        {report.timeline.length > 0 && (
          <div>
            <Title order={3} size="h5" mb="sm">
              {t('followUp.timeline')}
            </Title>
            <Timeline
              active={report.timeline.length - 1}
              bulletSize={14}
              lineWidth={2}
              data-testid="public-timeline"
            >
              {report.timeline.map((entry, index) => {
                const line = describePublicEntry(entry);
                const title =
                  line.key === 'filed'
                    ? t('timeline.filed')
                    : line.key === 'status'
                      ? t('timeline.status', { status: t(`statusWords.${line.status}`) })
                      : line.key === 'promiseChanged'
                        ? t('timeline.promiseChanged')
                        : null;
                if (!title && !line.detail) return null;
                return (
                  <Timeline.Item
                    // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only, so an index never changes meaning.
                    key={`${entry.at}-${index}`}
                    title={
                      <Text fw={600} className="public-wrap">
                        {title ?? line.detail}
                      </Text>
                    }
                  >
                    {title && line.detail && <Text className="public-wrap">{line.detail}</Text>}
                    <Text size="sm" c="dimmed">
                      {formatDateTime(entry.at, language)}
                      {entry.by ? ` · ${t('followUp.by', { name: entry.by })}` : ''}
                    </Text>
                  </Timeline.Item>
                );
              })}
            </Timeline>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

import { Alert, Badge, Button, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Report } from '../api/types.js';
import { formatPromise } from '../format/dates.js';
import { useLanguage } from '../i18n/index.js';
import { ReceiptButton } from './ReceiptButton.js';
import { CopyNumberButton, ReportNumber } from './ReportNumber.js';
import { reportPath } from './report-api.js';

interface FiledReportProps {
  report: Report;
  onNewReport: () => void;
}

/** What the agent reads to the customer right after filing: the number, first and largest. */
export function FiledReport({ report, onNewReport }: FiledReportProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const copyRef = useRef<HTMLButtonElement>(null);

  // Focus lands on "copy", not on "new report": a second Enter must not wipe the number away.
  useEffect(() => {
    copyRef.current?.focus();
  }, []);

  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      component="section"
      aria-labelledby="filed-title"
      data-testid="filed-report"
    >
      <Stack gap="lg">
        <Group gap="sm">
          <Badge color="teal" size="lg" variant="light">
            ✓ {t('filed.title')}
          </Badge>
        </Group>
        <div>
          <Title order={2} size="h5" c="dimmed" tt="uppercase" id="filed-title" fw={600}>
            {t('filed.numberLabel')}
          </Title>
          <ReportNumber number={report.number} size={64} />
        </div>
        {report.promiseText && (
          <Paper withBorder radius="md" p="md" bg="blue.0" bd="2px solid var(--mantine-color-blue-4)">
            <Text size="xs" tt="uppercase" fw={700} c="blue.9" mb={4}>
              {t('promisePreview.title')}
            </Text>
            <Text fz={22} fw={700} lh={1.3} c="blue.9" data-testid="promise-text">
              {report.promiseText}
            </Text>
          </Paper>
        )}
        <Alert variant="light" color="blue">
          {t('filed.tellCustomer')}
        </Alert>
        <DataList size="md" labelWidth={180} gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>{t('filed.type')}</DataList.ItemLabel>
            <DataList.ItemValue>{t(`reportTypes.${report.type}`)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('filed.customer')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {report.customer?.name ?? t('report.noCustomer')}
              {report.customerNumber && (
                <Text span c="dimmed" ff="monospace" ml="xs">
                  {report.customerNumber}
                </Text>
              )}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('report.channel')}</DataList.ItemLabel>
            <DataList.ItemValue>{t(`channels.${report.channel}`)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('report.verification')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Badge variant="light" color={report.verified ? 'teal' : 'orange'}>
                {report.verified ? t('report.verified') : t('report.notVerified')}
              </Badge>
            </DataList.ItemValue>
          </DataList.Item>
          {report.track && (
            <DataList.Item>
              <DataList.ItemLabel>{t('report.track')}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`tracks.${report.track}`)}</DataList.ItemValue>
            </DataList.Item>
          )}
          {(report.departmentName ?? report.department) && (
            <DataList.Item>
              <DataList.ItemLabel>{t('report.department')}</DataList.ItemLabel>
              <DataList.ItemValue>{report.departmentName ?? report.department}</DataList.ItemValue>
            </DataList.Item>
          )}
          {report.dueAt && (
            <DataList.Item>
              <DataList.ItemLabel>{t('filed.dueAt')}</DataList.ItemLabel>
              <DataList.ItemValue>{formatPromise(report.dueAt, language, 'long')}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        <Group gap="sm">
          <CopyNumberButton number={report.number} ref={copyRef} />
          <Button variant="default" component={Link} to={reportPath(report.number)}>
            {t('filed.open')}
          </Button>
          <ReceiptButton number={report.number} />
          <Button onClick={onNewReport} ml="auto">
            {t('filed.newReport')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

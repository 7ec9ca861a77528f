import {
  Alert,
  Anchor,
  Badge,
  Box,
  DataList,
  Flex,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatReportNumber, parseReportNumber } from '../../core/report-number.js';
import { ApiError } from '../api/client.js';
import type { Report } from '../api/types.js';
import { BackOfficePanels } from '../backoffice/BackOfficePanels.js';
import { formatDateTime } from '../format/dates.js';
import { useLanguage } from '../i18n/index.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { PromisePanel } from '../promises/PromisePanel.js';
import { StatusBadge } from '../workflow/StatusBadge.js';
import { WorkflowActions } from '../workflow/WorkflowActions.js';
import { promiseLine } from './promise-line.js';
import { ReceiptButton } from './ReceiptButton.js';
import { CopyNumberButton, ReportNumber } from './ReportNumber.js';
import { ReportTimeline } from './ReportTimeline.js';
import { useReport } from './report-api.js';

/** `/reportes/:number` — everything about one report, for the agent answering a follow-up. */
export function ReportPage() {
  const { t } = useTranslation();
  const params = useParams();
  const parsed = parseReportNumber(params.number ?? '');
  const report = useReport(parsed.ok ? parsed.number : null);

  let problem: string | null = null;
  if (!parsed.ok)
    problem = parsed.reason === 'check_digit_mismatch' ? t('report.checkDigit') : t('report.malformed');
  else if (report.error instanceof ApiError && report.error.code === 'not_found')
    problem = t('report.notFound');
  else if (report.error instanceof ApiError && report.error.code === 'check_digit_mismatch')
    problem = t('report.checkDigit');

  return (
    <Stack gap="md" maw={1000} mx="auto">
      {problem ? (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title={t('report.title')}
          data-testid="report-problem"
        >
          <Text>{problem}</Text>
          <Text size="sm" c="dimmed" mt={4} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {parsed.ok ? formatReportNumber(parsed.number) : params.number}
          </Text>
        </Alert>
      ) : report.isError ? (
        <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data ? (
        <ReportDetails report={report.data} />
      ) : (
        <Group justify="center" p="xl">
          <Loader aria-label={t('common.loading')} />
        </Group>
      )}
      <Anchor component={Link} to="/" size="sm">
        ← {t('report.backToDesk')}
      </Anchor>
    </Stack>
  );
}

function ReportDetails({ report }: { report: Report }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const promise = promiseLine(report);

  return (
    <>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="report-title">
        {/* Side by side from a tablet up; on a phone (a technician's, from their page) one above the other. */}
        <Flex
          direction={{ base: 'column', sm: 'row' }}
          justify="space-between"
          align={{ base: 'stretch', sm: 'flex-start' }}
          gap="lg"
        >
          <Box style={{ flex: 1, minWidth: 0 }}>
            <Title order={1} size="h5" c="dimmed" tt="uppercase" fw={600} id="report-title">
              {t('report.title')}
            </Title>
            <ReportNumber number={report.number} size={44} />
            {promise && (
              <Text
                size="lg"
                fw={600}
                c={promise.broken ? 'red.9' : 'blue.8'}
                mt="xs"
                data-testid="promise-text"
              >
                {promise.broken ? t('report.promiseBroken', { promise: promise.text }) : promise.text}
              </Text>
            )}
          </Box>
          <Stack gap="xs" align="flex-end" style={{ flexShrink: 0 }}>
            <StatusBadge status={report.status} size="lg" variant="filled" data-testid="report-status" />
            <CopyNumberButton number={report.number} />
            <ReceiptButton number={report.number} />
          </Stack>
        </Flex>
        <Box mt="md">
          <WorkflowActions report={report} />
        </Box>
      </Paper>

      <PromisePanel report={report} />

      <Group align="flex-start" gap="md" grow preventGrowOverflow={false} wrap="wrap">
        <Paper withBorder radius="md" p="lg" miw={320} style={{ flex: 3 }}>
          <DataList size="sm" labelWidth={170} gap="sm">
            <DataList.Item>
              <DataList.ItemLabel>{t('report.type')}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`reportTypes.${report.type}`)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('report.channel')}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`channels.${report.channel}`)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('report.customer')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {report.customerNumber ? (
                  <>
                    <Text span ff="monospace" fw={600}>
                      {report.customerNumber}
                    </Text>
                    {report.customer?.name && <> · {report.customer.name}</>}
                  </>
                ) : (
                  t('report.noCustomer')
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('report.verification')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Badge variant="light" color={report.verified ? 'teal' : 'orange'}>
                  {report.verified ? t('report.verified') : t('report.notVerified')}
                </Badge>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('report.location')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="report-location">
                {report.location ? (
                  <>
                    {report.location.text}
                    {report.location.lat !== undefined && report.location.lng !== undefined && (
                      <Text span c="dimmed" size="xs" ml="xs">
                        ({report.location.lat}, {report.location.lng})
                      </Text>
                    )}
                  </>
                ) : (
                  <Text span c="dimmed" size="sm">
                    {t('report.noLocation')}
                  </Text>
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('report.createdAt')}</DataList.ItemLabel>
              <DataList.ItemValue>{formatDateTime(report.createdAt, language)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('report.createdBy')}</DataList.ItemLabel>
              <DataList.ItemValue>{report.createdBy.name}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
          <Title order={2} size="h5" mt="lg" mb="xs">
            {t('report.description')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="report-description">
            {report.description}
          </Text>
        </Paper>
        <Paper
          withBorder
          radius="md"
          p="lg"
          miw={260}
          style={{ flex: 2 }}
          component="section"
          aria-labelledby="timeline-title"
        >
          <Title order={2} size="h5" mb="md" id="timeline-title">
            {t('report.timeline')}
          </Title>
          <ReportTimeline events={report.timeline} />
        </Paper>
      </Group>

      <BackOfficePanels report={report} />
    </>
  );
}

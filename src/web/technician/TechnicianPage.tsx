import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatReportNumber } from '../../core/report-number.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { FaultCard } from './FaultCard.js';
import { useMyFaults } from './technician-api.js';

/** `/tecnico`: the signed-in technician's faults on the phone, soonest promise first. */
export function TechnicianPage() {
  const { t } = useTranslation();
  const faults = useMyFaults();
  const [resolved, setResolved] = useState<string | null>(null);

  return (
    <Stack gap="md" maw={560} mx="auto" data-testid="technician-page">
      <div>
        <Title order={1} size="h2">
          {t('technician.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('technician.subtitle')}
        </Text>
      </div>
      {resolved && (
        <Alert
          color="teal"
          variant="light"
          role="status"
          withCloseButton
          onClose={() => setResolved(null)}
          data-testid="fault-resolved"
        >
          {t('technician.resolvedNotice', { number: formatReportNumber(resolved) })}
        </Alert>
      )}
      {faults.isError ? (
        <ErrorMessage error={faults.error} onRetry={() => void faults.refetch()} />
      ) : faults.isPending ? (
        <Group justify="center" p="xl">
          <Loader aria-label={t('common.loading')} />
        </Group>
      ) : faults.data.length === 0 ? (
        <Text c="dimmed" ta="center" p="xl" data-testid="no-faults">
          {t('technician.none')}
        </Text>
      ) : (
        <Stack gap="md" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {faults.data.map((fault) => (
            <li key={fault.number}>
              <FaultCard fault={fault} onResolved={() => setResolved(fault.number)} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

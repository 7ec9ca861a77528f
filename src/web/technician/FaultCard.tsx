import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Report } from '../api/types.js';
import { cityLine, streetLine } from '../customers/address.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useNow } from '../promises/use-now.js';
import { PromiseSummary, rowStanding } from '../queue/promise-summary.js';
import type { QueueReport } from '../queue/queue-api.js';
import { reportKey, reportPath, useReport } from '../reports/report-api.js';
import { StatusBadge } from '../workflow/StatusBadge.js';
import { isStaleVersion } from '../workflow/workflow-api.js';
import { coordinatesOf, fieldActions, mapLinks, telHref } from './field-work.js';
import { ResolveFaultForm } from './ResolveFaultForm.js';
import { useCustomer, useFieldStep } from './technician-api.js';

/** Touch targets of at least 48 px, the size a thumb hits on the street. */
const TOUCH = { size: 'lg', h: 52 } as const;

/** One fault: who, where, how to get there and call, and the next step of the visit. */
export function FaultCard({ fault, onResolved }: { fault: QueueReport; onResolved: () => void }) {
  const { t } = useTranslation();
  const now = useNow();
  const report = useReport(fault.number);
  const customer = useCustomer(fault.customerNumber);
  const step = useFieldStep(fault.number);
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState(false);
  const full: Report | undefined = report.data;
  const status = full?.status ?? fault.status;
  const address = customer.data?.address;
  const place = coordinatesOf(full?.location, address);
  const links = place ? mapLinks(place) : null;
  const actions = fieldActions(status);

  function move(to: 'in_progress' | 'waiting_customer') {
    if (!full) return;
    step.mutate(
      { to, version: full.version },
      {
        // Someone else moved it first (a supervisor, the office): show what it is now.
        onError: (error) => {
          if (isStaleVersion(error))
            void queryClient.invalidateQueries({ queryKey: reportKey(fault.number) });
        },
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="md" shadow="xs" data-testid="fault-card" data-number={fault.number}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <div>
            <Anchor component={Link} to={reportPath(fault.number)} ff="monospace" fw={700} size="lg">
              {fault.displayNumber}
            </Anchor>
            <div>
              <PromiseSummary standing={rowStanding({ ...fault, status }, now)} />
            </div>
          </div>
          <StatusBadge status={status} size="lg" data-testid="fault-status" />
        </Group>

        <div>
          <Text fw={700} size="lg" data-testid="fault-customer">
            {fault.customer.name}
          </Text>
          {address ? (
            <Text size="md" data-testid="fault-address">
              {streetLine(address, t)}, {t('customers.colonia', { colonia: address.colonia })}
              <Text span c="dimmed" size="sm">
                {' '}
                · {cityLine(address, t)}
              </Text>
            </Text>
          ) : customer.isPending ? (
            <Loader size="xs" aria-label={t('common.loading')} />
          ) : null}
          {full?.location?.text && (
            <Text size="md" mt={4} data-testid="fault-location">
              <Text span fw={600}>
                {t('technician.location')}:
              </Text>{' '}
              {full.location.text}
            </Text>
          )}
          {full && (
            <Text size="sm" c="dimmed" mt={4} lineClamp={4} style={{ overflowWrap: 'anywhere' }}>
              {full.description}
            </Text>
          )}
        </div>

        <Group grow gap="xs" preventGrowOverflow={false}>
          {customer.data?.phone ? (
            <Button
              component="a"
              href={telHref(customer.data.phone)}
              variant="light"
              {...TOUCH}
              aria-label={t('technician.callLabel', { phone: customer.data.phone })}
              data-testid="fault-call"
            >
              {t('technician.call')}
            </Button>
          ) : (
            customer.data && (
              <Text size="sm" c="dimmed">
                {t('customers.noPhone')}
              </Text>
            )
          )}
          {links && (
            <Button component="a" href={links.geo} variant="light" {...TOUCH} data-testid="fault-map">
              {t('technician.openMap')}
            </Button>
          )}
        </Group>
        <Group justify="space-between" gap="xs">
          {customer.data?.phone && (
            <Text size="sm" c="dimmed" ff="monospace">
              {customer.data.phone}
            </Text>
          )}
          {links && (
            <Anchor
              href={links.web}
              target="_blank"
              rel="noopener noreferrer"
              size="sm"
              data-testid="fault-map-web"
            >
              {t('technician.openWebMap')}
            </Anchor>
          )}
        </Group>

        {step.error ? (
          isStaleVersion(step.error) ? (
            <Alert color="orange" variant="light" role="alert" title={t('workflow.staleVersion')}>
              {t('workflow.reloaded')}
            </Alert>
          ) : (
            <ErrorMessage error={step.error} />
          )
        ) : null}

        {resolving && full ? (
          <ResolveFaultForm report={full} onCancel={() => setResolving(false)} onResolved={onResolved} />
        ) : (
          <Stack gap="xs" role="group" aria-label={t('workflow.actions')}>
            {actions.map((action) =>
              action.kind === 'resolve' ? (
                <Button
                  key={action.to}
                  color="teal"
                  {...TOUCH}
                  disabled={!full}
                  onClick={() => setResolving(true)}
                >
                  {t('technician.resolve')}
                </Button>
              ) : (
                <Button
                  key={action.to}
                  variant={action.kind === 'pause' ? 'default' : 'filled'}
                  {...TOUCH}
                  fullWidth
                  disabled={!full}
                  loading={step.isPending && step.variables?.to === action.to}
                  onClick={() => move(action.kind === 'pause' ? 'waiting_customer' : 'in_progress')}
                >
                  {t(`technician.actions.${action.kind as 'start' | 'pause' | 'resume'}`)}
                </Button>
              ),
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

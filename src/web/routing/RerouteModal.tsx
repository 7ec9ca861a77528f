import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultPromisePolicy, EXTERNAL_MAX_DAYS, EXTERNAL_MIN_DAYS } from '../../core/promise.js';
import { formatReportNumber } from '../../core/report-number.js';
import { rerouteRequest } from '../../core/requests/file-report.js';
import { EXTERNAL_CAUSES, type ExternalCause, TRACKS, type Track } from '../../core/routing.js';
import { validationMessage } from '../../core/validation-messages.js';
import { ApiError } from '../api/client.js';
import type { Report } from '../api/types.js';
import { useLanguage } from '../i18n/index.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { errorsFromApi, errorsFromIssues } from '../reports/report-form-errors.js';
import { ERROR_TEXT } from '../theme.js';
import { isStaleVersion } from '../workflow/workflow-api.js';
import { useRerouteReport, useRoutingTable } from './routing-api.js';

interface RerouteModalProps {
  report: Report;
  onClose: () => void;
  onStale: () => void;
}

type RerouteField = 'track' | 'department' | 'urgent' | 'externalDays' | 'externalCause' | 'reason';

const DAY_CHOICES = Array.from(
  { length: EXTERNAL_MAX_DAYS - EXTERNAL_MIN_DAYS + 1 },
  (_, index) => EXTERNAL_MIN_DAYS + index,
);

/** "Canalizar": another track or department for a report, always with a reason. */
export function RerouteModal({ report, onClose, onStale }: RerouteModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const routing = useRoutingTable();
  const reroute = useRerouteReport(report.number);
  const [version] = useState(report.version);
  const [track, setTrack] = useState<Track>(report.track ?? routing.table[report.type].track);
  const [department, setDepartment] = useState(
    report.department ?? routing.table[report.type].departmentCode,
  );
  const [urgent, setUrgent] = useState(report.urgent);
  const [externalDays, setExternalDays] = useState(
    report.externalDays ?? defaultPromisePolicy.externalDefaultDays,
  );
  const [externalCause, setExternalCause] = useState<ExternalCause | ''>(report.externalCause ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<RerouteField, string>>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);

  function show(found: { byField: Partial<Record<string, string>>; other: string[] }, reasonError?: string) {
    setErrors({
      ...(found.byField as Partial<Record<RerouteField, string>>),
      ...(reasonError ? { reason: reasonError } : {}),
    });
    setOtherErrors(found.other);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reroute.isPending) return;
    const request = {
      track,
      department,
      reason,
      ...(track === 'technical' ? { urgent } : {}),
      ...(track === 'external' ? { externalDays, ...(externalCause ? { externalCause } : {}) } : {}),
    };
    const parsed = rerouteRequest.safeParse(request);
    if (!parsed.success) {
      // `reason` is not one of the filing form's fields, so it is picked out here.
      const reasonIssue = parsed.error.issues.find((issue) => issue.path[0] === 'reason');
      const others = parsed.error.issues.filter((issue) => issue !== reasonIssue);
      show(
        errorsFromIssues(others, language),
        reasonIssue && validationMessage(reasonIssue.message, language),
      );
      return;
    }
    show({ byField: {}, other: [] });
    reroute.mutate(
      { ...parsed.data, version },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isStaleVersion(error)) onStale();
          else if (error instanceof ApiError && error.fields.length > 0) {
            const reasonField = error.fields.find((field) => field.path === 'reason');
            show(errorsFromApi(error.fields.filter((field) => field !== reasonField)), reasonField?.message);
          }
        },
      },
    );
  }

  const error = reroute.error;
  const showError =
    error && !isStaleVersion(error) && !(error instanceof ApiError && error.fields.length > 0);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reroute.title', { number: formatReportNumber(report.number) })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('reroute.help')}</Text>
          <Group grow align="flex-start">
            <NativeSelect
              label={t('routingOptions.track')}
              value={track}
              error={errors.track}
              onChange={(event) => setTrack(event.currentTarget.value as Track)}
              data={TRACKS.map((value) => ({ value, label: t(`tracks.${value}`) }))}
            />
            <NativeSelect
              label={t('routingOptions.department')}
              value={department}
              error={errors.department}
              onChange={(event) => setDepartment(event.currentTarget.value)}
              data={(
                routing.departments ?? [{ code: department, name: report.departmentName ?? department }]
              ).map((item) => ({ value: item.code, label: item.name }))}
            />
          </Group>
          {track === 'technical' && (
            <Checkbox
              label={t('routingOptions.urgent')}
              checked={urgent}
              error={errors.urgent}
              onChange={(event) => setUrgent(event.currentTarget.checked)}
            />
          )}
          {track === 'external' && (
            <Group grow align="flex-start">
              <NativeSelect
                label={t('routingOptions.externalDays')}
                value={String(externalDays)}
                error={errors.externalDays}
                onChange={(event) => setExternalDays(Number(event.currentTarget.value))}
                data={DAY_CHOICES.map((days) => ({
                  value: String(days),
                  label: t('routingOptions.externalDaysValue', { count: days }),
                }))}
              />
              <NativeSelect
                label={t('routingOptions.externalCause')}
                required
                value={externalCause}
                error={errors.externalCause}
                onChange={(event) => setExternalCause(event.currentTarget.value as ExternalCause | '')}
                data={[
                  { value: '', label: t('routingOptions.externalCausePlaceholder'), disabled: true },
                  ...EXTERNAL_CAUSES.map((cause) => ({ value: cause, label: t(`externalCauses.${cause}`) })),
                ]}
              />
            </Group>
          )}
          <Textarea
            label={t('reroute.reason')}
            required
            autosize
            minRows={2}
            maxRows={8}
            data-autofocus
            value={reason}
            error={errors.reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setErrors({ ...errors, reason: undefined });
            }}
          />
          {otherErrors.map((message) => (
            <Text key={message} size="sm" c={ERROR_TEXT} role="alert">
              {message}
            </Text>
          ))}
          {showError && <ErrorMessage error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('workflow.back')}
            </Button>
            <Button type="submit" loading={reroute.isPending}>
              {t('reroute.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

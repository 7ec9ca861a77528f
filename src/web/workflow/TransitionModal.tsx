import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatReportNumber } from '../../core/report-number.js';
import { validationMessage } from '../../core/validation-messages.js';
import { ApiError } from '../api/client.js';
import type { Report } from '../api/types.js';
import { useLanguage } from '../i18n/index.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { actionLabelKey } from './action-labels.js';
import type { TransitionAction } from './workflow-actions.js';
import { isStaleVersion, useTransitionReport } from './workflow-api.js';

interface TransitionModalProps {
  report: Report;
  action: TransitionAction;
  onClose: () => void;
  /** Someone else changed the report since it was loaded. */
  onStale: () => void;
}

/** Confirms one status change, asking for the resolution or reason it needs. */
export function TransitionModal({ report, action, onClose, onStale }: TransitionModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const transition = useTransitionReport(report.number);
  // The version the agent decided on; a newer one arriving meanwhile is someone else's change.
  const [version] = useState(report.version);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const label = t(actionLabelKey(action, report));
  const textField = action.requires ?? 'reason';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (transition.isPending) return;
    const trimmed = text.trim();
    if (action.requires && !trimmed) {
      setFieldError(validationMessage(action.requires, language));
      return;
    }
    transition.mutate(
      { to: action.to, version, ...(trimmed ? { [textField]: trimmed } : {}) },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isStaleVersion(error)) onStale();
          else if (error instanceof ApiError && error.fields.length > 0) {
            setFieldError(error.fields.map((field) => field.message).join(' '));
          }
        },
      },
    );
  }

  const error = transition.error;
  const showError =
    error && !isStaleVersion(error) && !(error instanceof ApiError && error.fields.length > 0);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('workflow.modalTitle', { action: label, number: formatReportNumber(report.number) })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {t(`workflow.hints.${action.kind}`) && <Text size="sm">{t(`workflow.hints.${action.kind}`)}</Text>}
          <Textarea
            label={
              textField === 'resolution'
                ? t('workflow.resolution')
                : action.requires
                  ? t('workflow.reason')
                  : t('workflow.reasonOptional')
            }
            required={action.requires !== null}
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus
            value={text}
            error={fieldError}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setFieldError(undefined);
            }}
          />
          {showError && <ErrorMessage error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('workflow.back')}
            </Button>
            <Button
              type="submit"
              loading={transition.isPending}
              color={action.kind === 'cancel' ? 'red' : undefined}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

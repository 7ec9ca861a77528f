import { Badge, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validationMessage } from '../../core/validation-messages.js';
import { isOpenStatus } from '../../core/workflow.js';
import { ApiError } from '../api/client.js';
import type { Report } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { useLanguage } from '../i18n/index.js';
import { useMarkDocumentReceived, useRequestDocuments } from './back-office-api.js';
import { documentItems, QUICK_DOCUMENT_KEYS } from './report-work.js';
import { useWriteProblem, WriteProblem } from './use-write-problem.js';

/** The checklist of documents asked of the customer: ask for more, tick off what arrives. */
export function DocumentsPanel({ report }: { report: Report }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const request = useRequestDocuments(report.number);
  const received = useMarkDocumentReceived(report.number);
  const { problem, report: fail, clear } = useWriteProblem(report.number);
  const [picked, setPicked] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const open = isOpenStatus(report.status);
  const quickPicks = QUICK_DOCUMENT_KEYS.map((key) => t(`backOffice.documents.quick.${key}`));
  const pending = report.documents.filter((d) => d.receivedAt === null).length;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (request.isPending) return;
    const items = documentItems(picked, [other]);
    if (items.length === 0) {
      setFieldError(t('backOffice.documents.chooseOne'));
      return;
    }
    clear();
    request.mutate(
      { items, version: report.version },
      {
        onSuccess: () => {
          setPicked([]);
          setOther('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0)
            setFieldError(validationMessage('document_items', language));
          else fail(error);
        },
      },
    );
  }

  function markReceived(id: string) {
    clear();
    received.mutate({ id, version: report.version }, { onError: fail });
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="documents-title"
      data-testid="documents-panel"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5" id="documents-title">
            {t('backOffice.documents.title')}
          </Title>
          {report.documents.length > 0 && (
            <Badge variant="light" color={pending > 0 ? 'orange' : 'teal'}>
              {pending > 0
                ? t('backOffice.documents.pendingCount', { count: pending })
                : t('backOffice.documents.allReceived')}
            </Badge>
          )}
        </Group>
        {report.documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('backOffice.documents.none')}
          </Text>
        ) : (
          <Stack
            gap={6}
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            data-testid="documents-list"
          >
            {report.documents.map((document) => (
              <Group
                key={document.id}
                component="li"
                justify="space-between"
                gap="xs"
                wrap="nowrap"
                data-received={document.receivedAt !== null}
              >
                <div>
                  <Text size="sm" td={document.receivedAt ? 'line-through' : undefined}>
                    <Text span aria-hidden c={document.receivedAt ? 'teal' : 'orange'} fw={700} mr={6}>
                      {document.receivedAt ? '✓' : '○'}
                    </Text>
                    {document.item}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {document.receivedAt
                      ? t('backOffice.documents.receivedAt', {
                          at: formatDateTime(document.receivedAt, language),
                        })
                      : t('backOffice.documents.requestedAt', {
                          at: formatDateTime(document.requestedAt, language),
                        })}
                  </Text>
                </div>
                {document.receivedAt === null && (
                  <Button
                    size="xs"
                    variant="light"
                    color="teal"
                    onClick={() => markReceived(document.id)}
                    loading={received.isPending && received.variables?.id === document.id}
                    aria-label={t('backOffice.documents.markReceivedItem', { item: document.item })}
                  >
                    {t('backOffice.documents.markReceived')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {open && (
          <form onSubmit={submit} noValidate aria-label={t('backOffice.documents.request')}>
            <Stack gap="xs">
              <Checkbox.Group
                label={t('backOffice.documents.requestLabel')}
                value={picked}
                onChange={(value) => {
                  setPicked(value);
                  setFieldError(undefined);
                }}
              >
                <Group gap="md" mt={4}>
                  {quickPicks.map((item) => (
                    <Checkbox key={item} value={item} label={item} />
                  ))}
                </Group>
              </Checkbox.Group>
              <TextInput
                label={t('backOffice.documents.other')}
                placeholder={t('backOffice.documents.otherPlaceholder')}
                maxLength={200}
                value={other}
                error={fieldError}
                onChange={(event) => {
                  setOther(event.currentTarget.value);
                  setFieldError(undefined);
                }}
              />
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 180 }}>
                  {report.status === 'waiting_customer'
                    ? t('backOffice.documents.alreadyWaiting')
                    : t('backOffice.documents.pausesClock')}
                </Text>
                <Button type="submit" size="sm" variant="light" loading={request.isPending}>
                  {t('backOffice.documents.request')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <WriteProblem problem={problem} onClose={clear} />
      </Stack>
    </Paper>
  );
}

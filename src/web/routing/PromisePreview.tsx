import { Badge, Group, Loader, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import type { Department, PromisePreview as Preview } from '../api/types.js';
import { errorText } from '../layout/ErrorMessage.js';
import { ERROR_TEXT } from '../theme.js';
import { departmentName } from './routing-table.js';

interface PromisePreviewProps {
  /** Nothing to preview yet: no report type chosen. */
  idle: boolean;
  preview: Preview | undefined;
  error: unknown;
  /** Shown dimmed: the options changed since this promise was worked out. */
  outdated: boolean;
  departments: Department[] | undefined;
}

/** The promise, as the agent reads it to the customer before saving. */
export function PromisePreview({ idle, preview, error, outdated, departments }: PromisePreviewProps) {
  const { t } = useTranslation();

  let body: ReactNode;
  if (idle) {
    body = <Text c="dimmed">{t('promisePreview.chooseType')}</Text>;
  } else if (error) {
    body = (
      <Text c={ERROR_TEXT} role="alert">
        {error instanceof ApiError && error.fields.length > 0
          ? t('promisePreview.fixOptions')
          : errorText(error, t)}
      </Text>
    );
  } else if (!preview) {
    body = (
      <Group gap="xs">
        <Loader size="xs" />
        <Text c="dimmed">{t('promisePreview.loading')}</Text>
      </Group>
    );
  } else {
    body = (
      <>
        <Text fz={22} fw={700} lh={1.3} c="blue.9" data-testid="promise-preview-text">
          {preview.promiseText}
        </Text>
        <Group gap="xs" mt={6}>
          <Text size="sm" fw={500} data-testid="promise-preview-route">
            {t('promisePreview.route', {
              track: t(`tracks.${preview.track}`),
              department: departmentName(departments, preview.department),
            })}
          </Text>
          {preview.urgent && (
            <Badge color="red" variant="light">
              {t('promise.urgent')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t('promisePreview.readAloud')}
        </Text>
      </>
    );
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      bg={idle ? 'gray.0' : 'blue.0'}
      bd={idle ? undefined : '2px solid var(--mantine-color-blue-4)'}
      aria-live="polite"
      aria-busy={outdated}
      aria-labelledby="promise-preview-title"
      role="region"
      data-testid="promise-preview"
      style={{ opacity: outdated && preview ? 0.55 : 1, transition: 'opacity 120ms' }}
    >
      <Text id="promise-preview-title" size="xs" tt="uppercase" fw={700} c="blue.9" mb={4}>
        {t('promisePreview.title')}
      </Text>
      {body}
    </Paper>
  );
}

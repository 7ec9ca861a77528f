import { Alert, Button, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/** The sentence an agent should read for a failure: the API's own message when it sent one. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.isNetwork || error.status === 502 || error.status === 504) return t('common.networkError');
    if (error.status === 429) return t('common.rateLimited');
    if (error.status === 401) return t('common.sessionExpired');
    if (!error.code.startsWith('http_') && error.message) return error.message;
  }
  return t('common.unexpectedError');
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" variant="light">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{errorText(error, t)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

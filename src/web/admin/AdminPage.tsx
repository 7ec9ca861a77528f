import { Alert, Box, Group, Loader, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../layout/ErrorMessage.js';

/** Every administration page: its title, what it is for, and its main action on the right. */
export function AdminPageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description: string;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap" gap="lg">
      <Box>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed" size="sm" maw={720}>
          {description}
        </Text>
      </Box>
      {actions && (
        <Group gap="sm" style={{ flexShrink: 0 }}>
          {actions}
        </Group>
      )}
    </Group>
  );
}

/** What just happened (created, saved…), until dismissed or replaced. */
export function Notice({ text, onClose }: { text: string | null; onClose: () => void }) {
  if (!text) return null;
  return (
    <Alert
      color="teal"
      variant="light"
      withCloseButton
      onClose={onClose}
      role="status"
      data-testid="admin-notice"
    >
      {text}
    </Alert>
  );
}

/** A query's loading and error states, and its content once there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isError: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined)
    return (
      <Group justify="center" p="xl">
        <Loader aria-label={t('common.loading')} />
      </Group>
    );
  return children(query.data);
}

import {
  Badge,
  Button,
  Code,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/dates.js';
import { useLanguage } from '../../i18n/index.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { AdminPageHeader } from '../AdminPage.js';
import { useAuditLog } from './audit-api.js';
import {
  AUDIT_ACTIONS,
  AUDIT_LIMITS,
  type AuditFilters,
  detailLines,
  emptyAuditFilters,
  invertedRange,
  isAuditAction,
} from './audit-query.js';

/** `/admin/auditoria`: who did what and when, newest first. The log cannot be edited. */
export function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<AuditFilters>(emptyAuditFilters);
  const [applied, setApplied] = useState<AuditFilters>(emptyAuditFilters);
  const [rangeError, setRangeError] = useState(false);
  const log = useAuditLog(applied);

  function search(event: FormEvent) {
    event.preventDefault();
    if (invertedRange(draft)) return setRangeError(true);
    setRangeError(false);
    setApplied(draft);
    if (JSON.stringify(draft) === JSON.stringify(applied)) void log.refetch();
  }

  function clear() {
    setRangeError(false);
    setDraft(emptyAuditFilters);
    setApplied(emptyAuditFilters);
  }

  const entries = log.data;
  return (
    <Stack gap="md">
      <AdminPageHeader title={t('admin.audit.title')} description={t('admin.audit.description')} />
      <Paper withBorder radius="md" p="md" component="search">
        <form onSubmit={search} noValidate aria-label={t('admin.audit.filters')}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('admin.audit.actor')}
              placeholder={t('admin.audit.actorPlaceholder')}
              autoCapitalize="none"
              spellCheck={false}
              w={190}
              value={draft.actor}
              onChange={(event) => setDraft({ ...draft, actor: event.currentTarget.value })}
            />
            <NativeSelect
              label={t('admin.audit.action')}
              w={250}
              value={draft.action}
              onChange={(event) => setDraft({ ...draft, action: event.currentTarget.value })}
              data={[
                { value: '', label: t('admin.audit.anyAction') },
                ...AUDIT_ACTIONS.map((action) => ({
                  value: action,
                  label: t(`admin.audit.actions.${action}`),
                })),
              ]}
            />
            <TextInput
              type="date"
              label={t('admin.audit.from')}
              w={160}
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('admin.audit.to')}
              w={160}
              value={draft.to}
              error={rangeError ? t('admin.audit.invertedRange') : undefined}
              onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
            />
            <NativeSelect
              label={t('admin.audit.limit')}
              w={110}
              value={String(draft.limit)}
              onChange={(event) => setDraft({ ...draft, limit: Number(event.currentTarget.value) })}
              data={AUDIT_LIMITS.map((limit) => String(limit))}
            />
            <Group gap="xs">
              <Button type="submit" loading={log.isFetching}>
                {t('admin.audit.search')}
              </Button>
              <Button variant="default" onClick={clear}>
                {t('admin.audit.clear')}
              </Button>
            </Group>
          </Group>
        </form>
      </Paper>
      {log.isError && <ErrorMessage error={log.error} onRetry={() => void log.refetch()} />}
      {!entries && !log.isError && (
        <Group justify="center" p="xl">
          <Loader aria-label={t('common.loading')} />
        </Group>
      )}
      {entries && (
        <Paper
          withBorder
          radius="md"
          style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}
          aria-busy={log.isFetching}
        >
          <Text size="sm" c="dimmed" px="md" pt="sm" aria-live="polite">
            {entries.length >= applied.limit
              ? t('admin.audit.countLimited', { count: entries.length })
              : t('admin.audit.count', { count: entries.length })}
          </Text>
          <Table.ScrollContainer minWidth={980}>
            <Table striped verticalSpacing="xs" horizontalSpacing="md" mt="xs" data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t('admin.audit.at')}</Table.Th>
                  <Table.Th w={150}>{t('admin.audit.actor')}</Table.Th>
                  <Table.Th w={220}>{t('admin.audit.action')}</Table.Th>
                  <Table.Th w={190}>{t('admin.audit.target')}</Table.Th>
                  <Table.Th w={120}>{t('admin.audit.ip')}</Table.Th>
                  <Table.Th>{t('admin.audit.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: entries carry no id; the list is replaced whole
                  <Table.Tr key={index}>
                    <Table.Td>
                      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        {formatDateTime(entry.at, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.actor ? (
                        <Group gap={4} wrap="nowrap">
                          <Text size="sm" ff="monospace">
                            {entry.actor}
                          </Text>
                          {entry.tokenId && (
                            <Badge size="xs" variant="outline" color="gray">
                              {t('admin.audit.token')}
                            </Badge>
                          )}
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('admin.audit.anonymous')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {isAuditAction(entry.action)
                          ? t(`admin.audit.actions.${entry.action}`)
                          : entry.action}
                      </Text>
                      <Code fz={11} c="dimmed" bg="transparent" p={0}>
                        {entry.action}
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      {entry.targetType ? (
                        <Text size="sm" style={{ wordBreak: 'break-all' }}>
                          <Text span c="dimmed" size="sm">
                            {entry.targetType}
                          </Text>{' '}
                          {entry.targetId}
                        </Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {entry.ip ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {detailLines(entry.details).map((line) => (
                        <Text key={line} size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
                          {line}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
                {entries.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">
                        {t('admin.audit.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}

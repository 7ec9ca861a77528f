import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/dates.js';
import { useLanguage } from '../../i18n/index.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { AdminPageHeader, Notice, QueryState } from '../AdminPage.js';
import { NewTokenDialog } from './NewTokenDialog.js';
import { isTokenScope, SCOPE_MESSAGE_KEYS } from './token-scopes.js';
import { type ApiToken, useApiTokens, useRevokeToken } from './tokens-api.js';

/** `/admin/tokens`: the integrations' API tokens. Their secrets are never shown again. */
export function TokensPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const tokens = useApiTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack gap="md">
      <AdminPageHeader
        title={t('admin.tokens.title')}
        description={t('admin.tokens.description')}
        actions={<Button onClick={() => setCreating(true)}>{t('admin.tokens.create')}</Button>}
      />
      <Notice text={notice} onClose={() => setNotice(null)} />
      <QueryState query={tokens}>
        {(list) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={860}>
              <Table
                striped
                highlightOnHover
                verticalSpacing="sm"
                horizontalSpacing="md"
                data-testid="tokens-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.tokens.name')}</Table.Th>
                    <Table.Th>{t('admin.tokens.scopes')}</Table.Th>
                    <Table.Th>{t('admin.tokens.createdAt')}</Table.Th>
                    <Table.Th>{t('admin.tokens.lastUsedAt')}</Table.Th>
                    <Table.Th>{t('admin.tokens.state')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((token) => (
                    <Table.Tr key={token.id} c={token.revokedAt ? 'dimmed' : undefined}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {token.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {token.scopes.map((scope) => (
                            <Tooltip key={scope} label={scope} withArrow>
                              <Badge variant="light" radius="sm" color="gray" tt="none">
                                {isTokenScope(scope)
                                  ? t(`admin.tokens.scopeNames.${SCOPE_MESSAGE_KEYS[scope]}`)
                                  : scope}
                              </Badge>
                            </Tooltip>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(token.createdAt, language)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {token.lastUsedAt
                            ? formatDateTime(token.lastUsedAt, language)
                            : t('admin.tokens.neverUsed')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {token.revokedAt ? (
                          <Badge color="gray" radius="sm" variant="filled" tt="none">
                            {t('admin.tokens.revokedOn', { date: formatDateTime(token.revokedAt, language) })}
                          </Badge>
                        ) : (
                          <Badge color="teal" radius="sm" variant="light" tt="none">
                            {t('admin.tokens.active')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {!token.revokedAt && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            aria-label={t('admin.tokens.revokeLabel', { name: token.name })}
                            onClick={() => setRevoking(token)}
                          >
                            {t('admin.tokens.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {list.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Text c="dimmed" ta="center" py="md">
                          {t('admin.tokens.none')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
      {creating && (
        <NewTokenDialog
          onClose={(created) => {
            setCreating(false);
            if (created) setNotice(t('admin.tokens.created', { name: created.name }));
          }}
        />
      )}
      {revoking && (
        <RevokeDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            setNotice(t('admin.tokens.revoked', { name: revoking.name }));
          }}
        />
      )}
    </Stack>
  );
}

function RevokeDialog({
  token,
  onClose,
  onDone,
}: {
  token: ApiToken;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  return (
    <Modal opened onClose={onClose} title={t('admin.tokens.revokeTitle', { name: token.name })}>
      <Stack gap="md">
        <Text size="sm">{t('admin.tokens.revokeHelp')}</Text>
        {revoke.error && <ErrorMessage error={revoke.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('account.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() => revoke.mutate(token.id, { onSuccess: onDone })}
          >
            {t('admin.tokens.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

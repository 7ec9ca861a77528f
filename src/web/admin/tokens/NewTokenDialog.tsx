import { Alert, Button, Checkbox, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKEN_SCOPES } from '../../../core/permissions.js';
import { createTokenRequest } from '../../../core/requests/administration.js';
import { useLanguage } from '../../i18n/index.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { ERROR_TEXT } from '../../theme.js';
import { errorsFromApi, errorsFromIssues, type FieldErrors, noFieldErrors } from '../form-errors.js';
import { copyText } from './copy-text.js';
import { SCOPE_MESSAGE_KEYS } from './token-scopes.js';
import { type CreatedToken, useCreateToken } from './tokens-api.js';

/**
 * A token for an integration (the billing system, a report). Once created, its secret is
 * shown this one time: Folio keeps only a hash of it.
 */
export function NewTokenDialog({ onClose }: { onClose: (created: CreatedToken | null) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>(noFieldErrors);
  const created = create.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = createTokenRequest.safeParse({ name, scopes });
    if (!parsed.success)
      return setErrors(errorsFromIssues(parsed.error.issues, ['name', 'scopes'], language));
    setErrors(noFieldErrors);
    create.mutate(parsed.data, {
      onError: (error) => setErrors(errorsFromApi(error, ['name', 'scopes']) ?? noFieldErrors),
    });
  }

  if (created) {
    return (
      <Modal
        opened
        onClose={() => onClose(created)}
        title={t('admin.tokens.createdTitle', { name: created.name })}
        size="lg"
        closeOnClickOutside={false}
      >
        <SecretOnce secret={created.token} onDone={() => onClose(created)} />
      </Modal>
    );
  }

  const shown = errorsFromApi(create.error, ['name', 'scopes']);
  return (
    <Modal opened onClose={() => onClose(null)} title={t('admin.tokens.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('admin.tokens.name')}
            description={t('admin.tokens.nameHelp')}
            data-autofocus
            required
            value={name}
            error={errors.byField.name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Checkbox.Group
            label={t('admin.tokens.scopes')}
            description={t('admin.tokens.scopesHelp')}
            required
            value={scopes}
            onChange={setScopes}
            error={errors.byField.scopes}
          >
            <Stack gap="sm" mt="xs">
              {TOKEN_SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={
                    <>
                      {t(`admin.tokens.scopeNames.${SCOPE_MESSAGE_KEYS[scope]}`)}{' '}
                      <Code fz="xs" c="dimmed">
                        {scope}
                      </Code>
                    </>
                  }
                  description={t(`admin.tokens.scopeHelp.${SCOPE_MESSAGE_KEYS[scope]}`)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {create.error && !(shown && shown.other.length === 0) && <ErrorMessage error={create.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onClose(null)}>
              {t('account.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.tokens.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copySecret() {
    try {
      await copyText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" title={t('admin.tokens.onceTitle')} role="alert">
        {t('admin.tokens.onceBody')}
      </Alert>
      <Code
        block
        data-testid="token-secret"
        fz="sm"
        style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}
      >
        {secret}
      </Code>
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <Button
            variant={copy === 'copied' ? 'filled' : 'light'}
            color={copy === 'copied' ? 'teal' : undefined}
            onClick={copySecret}
          >
            {copy === 'copied' ? `✓ ${t('admin.tokens.copied')}` : t('admin.tokens.copy')}
          </Button>
          <Text size="sm" c={copy === 'failed' ? ERROR_TEXT : 'dimmed'} aria-live="polite">
            {copy === 'failed' ? t('admin.tokens.copyFailed') : ''}
          </Text>
        </Group>
        <Button variant="default" onClick={onDone}>
          {t('admin.tokens.done')}
        </Button>
      </Group>
    </Stack>
  );
}

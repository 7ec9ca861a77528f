import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signInRequest } from '../../core/requests/session.js';
import { validationMessage } from '../../core/validation-messages.js';
import { ApiError } from '../api/client.js';
import { useLanguage } from '../i18n/index.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { LanguageSwitch } from '../layout/LanguageSwitch.js';
import { useSignIn } from './session-api.js';

export function SignInPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'username' | 'password', string>>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = signInRequest.safeParse({ username, password });
    if (!parsed.success) {
      const errors: typeof fieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'username' || field === 'password')
          errors[field] ??= validationMessage(issue.message, language);
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    signIn.mutate(parsed.data);
  }

  const badCredentials = signIn.error instanceof ApiError && signIn.error.status === 401;

  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2" id="sign-in-title">
                {t('app.name')} · {t('session.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('session.subtitle')}
              </Text>
            </div>
            {signIn.error &&
              (badCredentials ? (
                <Alert color="red" role="alert">
                  {t('session.badCredentials')}
                </Alert>
              ) : (
                <ErrorMessage error={signIn.error} />
              ))}
            <TextInput
              label={t('session.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              required
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              error={fieldErrors.username}
            />
            <PasswordInput
              label={t('session.password')}
              name="password"
              autoComplete="current-password"
              visibilityToggleButtonProps={{ 'aria-label': t('session.showPassword') }}
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldErrors.password}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('session.submit')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

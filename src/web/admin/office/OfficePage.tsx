import { Button, Grid, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OfficeData, officeRequest } from '../../../core/requests/administration.js';
import { useLanguage } from '../../i18n/index.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { ERROR_TEXT } from '../../theme.js';
import { AdminPageHeader, Notice, QueryState } from '../AdminPage.js';
import { errorsFromApi, errorsFromIssues, type FieldErrors, noFieldErrors } from '../form-errors.js';
import { useOffice, useUpdateOffice } from './office-api.js';

const OFFICE_FIELDS = ['name', 'address', 'phones', 'hours'] as const;
const MAX_PHONES = 5;

/** `/admin/oficina`: the office data printed on receipts and shown to customers. */
export function OfficePage() {
  const { t } = useTranslation();
  const office = useOffice();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <AdminPageHeader title={t('admin.office.title')} description={t('admin.office.description')} />
      <Notice text={notice} onClose={() => setNotice(null)} />
      <QueryState query={office}>
        {(current) => (
          <OfficeForm
            key={JSON.stringify(current)}
            current={current}
            onSaved={() => setNotice(t('admin.office.saved'))}
          />
        )}
      </QueryState>
    </Stack>
  );
}

function OfficeForm({ current, onSaved }: { current: OfficeData; onSaved: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdateOffice();
  const [draft, setDraft] = useState<OfficeData>(current);
  const [errors, setErrors] = useState<FieldErrors>(noFieldErrors);

  function setPhone(index: number, value: string) {
    setDraft({ ...draft, phones: draft.phones.map((phone, i) => (i === index ? value : phone)) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    // An empty line is a phone not given, not a wrong one.
    const request = { ...draft, phones: draft.phones.filter((phone) => phone.trim() !== '') };
    const parsed = officeRequest.safeParse(request);
    if (!parsed.success) {
      setDraft(request.phones.length > 0 ? request : { ...request, phones: [''] });
      return setErrors(errorsFromIssues(parsed.error.issues, OFFICE_FIELDS, language));
    }
    setErrors(noFieldErrors);
    update.mutate(parsed.data, {
      onSuccess: onSaved,
      onError: (error) => setErrors(errorsFromApi(error, OFFICE_FIELDS) ?? noFieldErrors),
    });
  }

  const shown = errorsFromApi(update.error, OFFICE_FIELDS);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Paper withBorder radius="md" p="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <TextInput
                label={t('admin.office.name')}
                required
                value={draft.name}
                error={errors.byField.name}
                onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
              />
              <Textarea
                label={t('admin.office.address')}
                description={t('admin.office.addressHelp')}
                required
                autosize
                minRows={2}
                value={draft.address}
                error={errors.byField.address}
                onChange={(event) => setDraft({ ...draft, address: event.currentTarget.value })}
              />
              <Stack gap={6} role="group" aria-labelledby="office-phones-label">
                <Text size="sm" fw={500} id="office-phones-label">
                  {t('admin.office.phones')}
                </Text>
                {draft.phones.map((phone, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a phone has no identity but its place in the list
                  <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                    <TextInput
                      aria-label={t('admin.office.phoneNumber', { number: index + 1 })}
                      type="tel"
                      style={{ flex: 1 }}
                      value={phone}
                      error={errors.byField[`phones.${index}`]}
                      onChange={(event) => setPhone(index, event.currentTarget.value)}
                    />
                    <Button
                      variant="subtle"
                      color="red"
                      disabled={draft.phones.length === 1}
                      aria-label={t('admin.office.removePhone', { number: index + 1 })}
                      onClick={() =>
                        setDraft({ ...draft, phones: draft.phones.filter((_, i) => i !== index) })
                      }
                    >
                      {t('admin.office.remove')}
                    </Button>
                  </Group>
                ))}
                {errors.byField.phones && (
                  <Text size="xs" c={ERROR_TEXT} role="alert">
                    {errors.byField.phones}
                  </Text>
                )}
                <Group>
                  <Button
                    variant="default"
                    size="compact-sm"
                    disabled={draft.phones.length >= MAX_PHONES}
                    onClick={() => setDraft({ ...draft, phones: [...draft.phones, ''] })}
                  >
                    {t('admin.office.addPhone')}
                  </Button>
                </Group>
              </Stack>
              <TextInput
                label={t('admin.office.hours')}
                description={t('admin.office.hoursHelp')}
                required
                value={draft.hours}
                error={errors.byField.hours}
                onChange={(event) => setDraft({ ...draft, hours: event.currentTarget.value })}
              />
              {update.error && !(shown && shown.other.length === 0) && <ErrorMessage error={update.error} />}
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending}>
                  {t('admin.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <ReceiptPreview office={draft} />
      </Grid.Col>
    </Grid>
  );
}

/** How the office block reads on a receipt, as it is being typed. */
function ReceiptPreview({ office }: { office: OfficeData }) {
  const { t } = useTranslation();
  const phones = office.phones.filter((phone) => phone.trim() !== '');
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      bg="gray.0"
      component="aside"
      aria-labelledby="receipt-preview-title"
    >
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="receipt-preview-title" mb="xs">
        {t('admin.office.preview')}
      </Text>
      <Paper radius="sm" p="md" withBorder bg="white">
        <Title order={3} size="h5">
          {office.name || '—'}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {office.address || '—'}
        </Text>
        {phones.length > 0 && (
          <Text size="sm">{t('admin.office.previewPhones', { phones: phones.join(' · ') })}</Text>
        )}
        <Text size="sm" c="dimmed">
          {office.hours}
        </Text>
      </Paper>
    </Paper>
  );
}

import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { promisePolicyRequest } from '../../../core/requests/settings.js';
import { useLanguage } from '../../i18n/index.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { AdminPageHeader, Notice, QueryState } from '../AdminPage.js';
import { errorsFromApi, errorsFromIssues, type FieldErrors, noFieldErrors } from '../form-errors.js';
import { HolidaysPanel } from './HolidaysPanel.js';
import {
  type PromisePolicySettings,
  usePromisePolicy,
  useUpdatePromisePolicy,
} from './promise-policy-api.js';

const POLICY_FIELDS = [
  'technicalHours',
  'urgentTechnicalHours',
  'reviewMaxBusinessDays',
  'minBusinessDaysBeforeBillingPeriod',
  'externalDefaultDays',
  'atRiskFraction',
  'officeOpens',
  'officeCloses',
] as const;

/** `/admin/promesas`: the promise rules, the office hours they count in, and the days off. */
export function PromisesPage() {
  const { t } = useTranslation();
  const policy = usePromisePolicy();
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack gap="md">
      <AdminPageHeader title={t('admin.promises.title')} description={t('admin.promises.description')} />
      <Notice text={notice} onClose={() => setNotice(null)} />
      <QueryState query={policy}>
        {(current) => (
          <PolicyForm
            key={JSON.stringify(current)}
            current={current}
            onSaved={() => setNotice(t('admin.promises.saved'))}
          />
        )}
      </QueryState>
      <HolidaysPanel onChanged={setNotice} />
    </Stack>
  );
}

/** The form's values: NaN while a number input is empty, which the shared schema refuses. */
type Draft = Omit<PromisePolicySettings, 'atRiskFraction'> & { atRiskPercent: number };

function PolicyForm({ current, onSaved }: { current: PromisePolicySettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdatePromisePolicy();
  const { atRiskFraction, ...rest } = current;
  // Shown as a percentage, kept by the API as a fraction.
  const [draft, setDraft] = useState<Draft>({
    ...rest,
    atRiskPercent: Math.round(atRiskFraction * 1000) / 10,
  });
  const [errors, setErrors] = useState<FieldErrors>(noFieldErrors);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const number = (key: keyof Draft) => (value: string | number) =>
    set(key, typeof value === 'number' ? value : Number.NaN);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    const { atRiskPercent, ...fields } = draft;
    const parsed = promisePolicyRequest.safeParse({ ...fields, atRiskFraction: atRiskPercent / 100 });
    if (!parsed.success) return setErrors(errorsFromIssues(parsed.error.issues, POLICY_FIELDS, language));
    setErrors(noFieldErrors);
    update.mutate(parsed.data, {
      onSuccess: onSaved,
      onError: (error) => setErrors(errorsFromApi(error, POLICY_FIELDS) ?? noFieldErrors),
    });
  }

  const error = (key: (typeof POLICY_FIELDS)[number]) => errors.byField[key];
  const numeric = (key: keyof Draft) => (Number.isNaN(draft[key]) ? '' : (draft[key] as number));
  const shown = errorsFromApi(update.error, POLICY_FIELDS);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="policy-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Title order={2} size="h4" id="policy-title">
            {t('admin.promises.policyTitle')}
          </Title>
          <PolicyGroup title={t('tracks.technical')}>
            <NumberInput
              label={t('admin.promises.technicalHours')}
              description={t('admin.promises.technicalHoursHelp')}
              suffix=" h"
              min={1}
              max={168}
              value={numeric('technicalHours')}
              onChange={number('technicalHours')}
              error={error('technicalHours')}
            />
            <NumberInput
              label={t('admin.promises.urgentTechnicalHours')}
              description={t('admin.promises.urgentTechnicalHoursHelp')}
              suffix=" h"
              min={1}
              max={24}
              value={numeric('urgentTechnicalHours')}
              onChange={number('urgentTechnicalHours')}
              error={error('urgentTechnicalHours')}
            />
          </PolicyGroup>
          <PolicyGroup title={t('tracks.review')}>
            <NumberInput
              label={t('admin.promises.reviewMaxBusinessDays')}
              description={t('admin.promises.reviewMaxBusinessDaysHelp')}
              allowDecimal={false}
              min={1}
              max={60}
              value={numeric('reviewMaxBusinessDays')}
              onChange={number('reviewMaxBusinessDays')}
              error={error('reviewMaxBusinessDays')}
            />
            <NumberInput
              label={t('admin.promises.minBusinessDaysBeforeBillingPeriod')}
              description={t('admin.promises.minBusinessDaysBeforeBillingPeriodHelp')}
              allowDecimal={false}
              min={0}
              max={20}
              value={numeric('minBusinessDaysBeforeBillingPeriod')}
              onChange={number('minBusinessDaysBeforeBillingPeriod')}
              error={error('minBusinessDaysBeforeBillingPeriod')}
            />
          </PolicyGroup>
          <PolicyGroup title={t('admin.promises.otherGroup')}>
            <NumberInput
              label={t('admin.promises.externalDefaultDays')}
              description={t('admin.promises.externalDefaultDaysHelp')}
              allowDecimal={false}
              min={1}
              max={7}
              value={numeric('externalDefaultDays')}
              onChange={number('externalDefaultDays')}
              error={error('externalDefaultDays')}
            />
            <NumberInput
              label={t('admin.promises.atRiskPercent')}
              description={t('admin.promises.atRiskPercentHelp')}
              suffix=" %"
              min={1}
              max={99}
              value={numeric('atRiskPercent')}
              onChange={number('atRiskPercent')}
              error={error('atRiskFraction')}
            />
          </PolicyGroup>
          <PolicyGroup
            title={t('admin.promises.officeHoursGroup')}
            help={t('admin.promises.officeHoursHelp')}
          >
            <TextInput
              type="time"
              label={t('admin.promises.officeOpens')}
              value={draft.officeOpens}
              onChange={(event) => set('officeOpens', event.currentTarget.value)}
              error={error('officeOpens')}
            />
            <TextInput
              type="time"
              label={t('admin.promises.officeCloses')}
              value={draft.officeCloses}
              onChange={(event) => set('officeCloses', event.currentTarget.value)}
              error={error('officeCloses')}
            />
          </PolicyGroup>
          {update.error && !(shown && shown.other.length === 0) && <ErrorMessage error={update.error} />}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('admin.promises.appliesFromNow')}
            </Text>
            <Button type="submit" loading={update.isPending}>
              {t('admin.promises.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PolicyGroup({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <div>
        <Text fw={600} size="sm">
          {title}
        </Text>
        {help && (
          <Text size="xs" c="dimmed">
            {help}
          </Text>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {children}
      </SimpleGrid>
    </Stack>
  );
}

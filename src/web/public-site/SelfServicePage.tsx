import {
  Alert,
  Anchor,
  Button,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, REPORT_TYPES, type ReportType } from '../../core/report.js';
import { formatReportNumber } from '../../core/report-number.js';
import { ApiError } from '../api/client.js';
import { formatCount } from '../format/dates.js';
import { useLanguage } from '../i18n/index.js';
import { ERROR_TEXT } from '../theme.js';
import { followUpPath } from './FollowUpPage.js';
import { type PublicReport, useFileSelfServiceReport } from './public-api.js';
import { publicErrorText } from './public-errors.js';
import {
  collectErrors,
  missingLocationKey,
  noSelfServiceErrors,
  SELF_SERVICE_FIELDS,
  type SelfServiceErrors,
  type SelfServiceField,
  validateSelfService,
} from './self-service-form.js';
import { usePageTitle } from './use-page-title.js';

/** `/reportar` — a customer files a report on the web, proving who they are with their bill. */
export function SelfServicePage() {
  const { t } = useTranslation('public');
  usePageTitle(t('selfService.pageTitle'));
  const [filed, setFiled] = useState<PublicReport | null>(null);
  // A new form (and a fresh mutation) for each report.
  const [formKey, setFormKey] = useState(0);

  if (filed) {
    return (
      <FiledPanel
        report={filed}
        onAnother={() => {
          setFiled(null);
          setFormKey((key) => key + 1);
        }}
      />
    );
  }
  return <SelfServiceForm key={formKey} onFiled={setFiled} />;
}

function SelfServiceForm({ onFiled }: { onFiled: (report: PublicReport) => void }) {
  const { t } = useTranslation('public');
  const { t: staff } = useTranslation();
  const language = useLanguage();
  const fileReport = useFileSelfServiceReport();

  const [customerNumber, setCustomerNumber] = useState('');
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [type, setType] = useState<ReportType | ''>('');
  const [description, setDescription] = useState('');
  const [locationText, setLocationText] = useState('');
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<SelfServiceErrors>(noSelfServiceErrors);

  const refs = {
    customerNumber: useRef<HTMLInputElement>(null),
    invoiceNumber: useRef<HTMLInputElement>(null),
    type: useRef<HTMLSelectElement>(null),
    description: useRef<HTMLTextAreaElement>(null),
    location: useRef<HTMLInputElement>(null),
  } satisfies Record<SelfServiceField, unknown>;

  function showErrors(found: SelfServiceErrors) {
    setErrors(found);
    const first = SELF_SERVICE_FIELDS.find((field) => found.byField[field] !== undefined);
    if (first) refs[first].current?.focus();
  }

  function clearError(field: SelfServiceField) {
    if (errors.byField[field] === undefined) return;
    const { [field]: _, ...byField } = errors.byField;
    setErrors({ ...errors, byField });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (fileReport.isPending) return;
    const result = validateSelfService(
      { customerNumber, invoiceNumber, type, description, locationText, website },
      language,
    );
    if (!result.ok) {
      showErrors(result.errors);
      return;
    }
    setErrors(noSelfServiceErrors);
    fileReport.mutate(result.request, {
      onSuccess: onFiled,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'customer_not_verified')
          refs.customerNumber.current?.focus();
        else if (error instanceof ApiError && error.fields.length > 0)
          showErrors(collectErrors(error.fields));
      },
    });
  }

  const apiError = fileReport.error;
  const notVerified = apiError instanceof ApiError && apiError.code === 'customer_not_verified';
  const fieldsFromApi = apiError instanceof ApiError && apiError.fields.length > 0;
  const locationRequired = type !== '' && missingLocationKey(type) !== undefined;
  const trimmedLength = description.trim().length;
  const lengthWrong =
    trimmedLength > DESCRIPTION_MAX ||
    (errors.byField.description !== undefined && trimmedLength < DESCRIPTION_MIN);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="self-service-title">
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2" id="self-service-title">
            {t('selfService.title')}
          </Title>
          <Text mt={4}>{t('selfService.intro')}</Text>
        </div>

        <TextInput
          ref={refs.customerNumber}
          size="lg"
          label={t('selfService.customerNumber')}
          description={t('selfService.customerNumberHint')}
          required
          value={customerNumber}
          error={errors.byField.customerNumber ?? (notVerified ? true : undefined)}
          onChange={(event) => {
            setCustomerNumber(event.currentTarget.value);
            clearError('customerNumber');
            if (notVerified) fileReport.reset();
          }}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          data-testid="self-customer-number"
        />
        <TextInput
          ref={refs.invoiceNumber}
          size="lg"
          label={t('selfService.invoiceNumber')}
          description={t('selfService.invoiceNumberHint')}
          required
          value={invoiceNumber}
          error={errors.byField.invoiceNumber ?? (notVerified ? true : undefined)}
          onChange={(event) => {
            setInvoiceNumber(event.currentTarget.value);
            clearError('invoiceNumber');
            if (notVerified) fileReport.reset();
          }}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          data-testid="self-invoice-number"
        />
        {notVerified && (
          <Alert color="red" variant="light" role="alert" data-testid="self-not-verified">
            <Text fw={600}>{t('selfService.notVerified')}</Text>
          </Alert>
        )}

        <NativeSelect
          ref={refs.type}
          size="lg"
          label={t('selfService.type')}
          required
          value={type}
          error={errors.byField.type}
          onChange={(event) => {
            setType(event.currentTarget.value as ReportType | '');
            clearError('type');
            clearError('location');
          }}
          data={[
            { value: '', label: t('selfService.typePlaceholder'), disabled: true },
            ...REPORT_TYPES.map((value) => ({ value, label: staff(`reportTypes.${value}`) })),
          ]}
          data-testid="self-type"
        />

        <div>
          <Textarea
            ref={refs.description}
            size="lg"
            label={t('selfService.description')}
            description={t('selfService.descriptionHint')}
            required
            autosize
            minRows={4}
            maxRows={12}
            value={description}
            error={errors.byField.description}
            onChange={(event) => {
              setDescription(event.currentTarget.value);
              clearError('description');
            }}
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            data-testid="self-description"
          />
          <Text size="sm" c={lengthWrong ? ERROR_TEXT : 'dimmed'} ta="right" mt={4} aria-live="polite">
            {t('selfService.counter', {
              length: formatCount(description.length, language),
              max: formatCount(DESCRIPTION_MAX, language),
            })}
          </Text>
        </div>

        <TextInput
          ref={refs.location}
          size="lg"
          label={t('selfService.location')}
          description={
            locationRequired
              ? `${t('selfService.locationRequired')}. ${t('selfService.locationHint')}`
              : t('selfService.locationHint')
          }
          required={locationRequired}
          value={locationText}
          error={errors.byField.location}
          onChange={(event) => {
            setLocationText(event.currentTarget.value);
            clearError('location');
          }}
          autoComplete="street-address"
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          data-testid="self-location"
        />

        {/* People never see this; a robot that fills every field gives itself away. */}
        <div className="public-honeypot" aria-hidden="true">
          <label htmlFor="self-website">{t('selfService.honeypot')}</label>
          <input
            id="self-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            aria-hidden="true"
            value={website}
            onChange={(event) => setWebsite(event.currentTarget.value)}
          />
        </div>

        {errors.other.length > 0 && (
          <Alert color="red" variant="light" role="alert" title={t('selfService.fixErrors')}>
            <List size="sm">
              {errors.other.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {apiError && !notVerified && !fieldsFromApi && (
          <Alert color="red" variant="light" role="alert" data-testid="self-error">
            <Text fw={600}>{publicErrorText(apiError, t)}</Text>
          </Alert>
        )}

        <Button type="submit" size="lg" fullWidth loading={fileReport.isPending}>
          {t('selfService.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** The number first and largest: it is all the customer needs to follow up. */
function FiledPanel({ report, onAnother }: { report: PublicReport; onAnother: () => void }) {
  const { t } = useTranslation('public');
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="self-filed-title"
      data-testid="self-filed"
    >
      <Stack gap="md">
        <Title order={1} size="h2" id="self-filed-title" ref={titleRef} tabIndex={-1} c="teal.9">
          ✓ {t('selfService.filedTitle')}
        </Title>
        <div>
          <Text size="sm" c="dimmed" fw={600} tt="uppercase">
            {t('selfService.numberLabel')}
          </Text>
          <Text component="output" className="public-big-number" data-testid="self-report-number">
            {report.displayNumber || formatReportNumber(report.number)}
          </Text>
        </div>
        <Alert color="yellow" variant="light">
          <Text fw={700} fz="lg">
            {t('selfService.keepNumber')}
          </Text>
          <Text size="sm" mt={4}>
            {t('selfService.keepNumberHelp')}
          </Text>
        </Alert>
        {report.promiseText && (
          <Paper radius="md" p="md" bg="blue.0">
            <Text size="sm" fw={700} c="blue.9" tt="uppercase" mb={4}>
              {t('selfService.promise')}
            </Text>
            <Text fz="lg" fw={700} c="blue.9" lh={1.35} data-testid="self-promise">
              {report.promiseText}
            </Text>
          </Paper>
        )}
        <Button
          component={Link}
          to={followUpPath(report.number)}
          size="lg"
          fullWidth
          data-testid="self-follow-up-link"
        >
          {t('selfService.followLink')}
        </Button>
        <Anchor component="button" type="button" onClick={onAnother} ta="center" py="sm">
          {t('selfService.another')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

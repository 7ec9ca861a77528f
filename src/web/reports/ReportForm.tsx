import {
  Alert,
  Button,
  Group,
  Input,
  List,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type KeyboardEvent, type Ref, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Channel,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  REPORT_TYPES,
  type ReportType,
} from '../../core/report.js';
import { fileReportRequest } from '../../core/requests/file-report.js';
import { validationMessage } from '../../core/validation-messages.js';
import { ApiError } from '../api/client.js';
import type { Report } from '../api/types.js';
import { formatCount } from '../format/dates.js';
import { useLanguage } from '../i18n/index.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { defaultFilingOptions, type FilingOptions, ROUTING_FIELDS } from '../routing/filing-options.js';
import { PromisePreview } from '../routing/PromisePreview.js';
import { RoutingOptionsFields } from '../routing/RoutingOptionsFields.js';
import { useFilingPromise } from '../routing/use-filing-promise.js';
import { newIdempotencyKey, useFileReport } from './report-api.js';
import {
  errorsFromApi,
  errorsFromIssues,
  type FormErrors,
  type FormField,
  missingLocationMessage,
  noErrors,
} from './report-form-errors.js';

/** Agents take reports at the counter or on the phone; `web` is the customers' own channel. */
const AGENT_CHANNELS = ['office', 'phone'] as const satisfies readonly Channel[];

interface ReportFormProps {
  customerNumber: string;
  invoiceNumber: string;
  channel: Channel;
  onChannelChange: (channel: Channel) => void;
  onFiled: (report: Report) => void;
  /** Shown next to the invoice input, which lives on the customer card. */
  onInvoiceError: (message: string | undefined) => void;
  typeRef?: Ref<HTMLSelectElement>;
}

export function ReportForm(props: ReportFormProps) {
  const { customerNumber, invoiceNumber, channel, onChannelChange, onFiled, onInvoiceError, typeRef } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const fileReport = useFileReport(idempotencyKey);

  const [type, setType] = useState<ReportType | ''>('');
  const [description, setDescription] = useState('');
  const [locationText, setLocationText] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [options, setOptions] = useState<FilingOptions>(defaultFilingOptions);
  const filing = useFilingPromise(customerNumber, type, options);

  const fieldRefs = {
    type: useRef<HTMLSelectElement>(null),
    description: useRef<HTMLTextAreaElement>(null),
    location: useRef<HTMLInputElement>(null),
  };

  function clearError(...fields: FormField[]) {
    if (fields.every((field) => errors.byField[field] === undefined)) return;
    const byField = { ...errors.byField };
    for (const field of fields) delete byField[field];
    setErrors({ ...errors, byField });
  }

  function focusFirstError(found: FormErrors) {
    const order = ['type', 'description', 'location'] as const;
    const first = order.find((field) => found.byField[field] !== undefined);
    if (first) fieldRefs[first].current?.focus();
  }

  function showErrors(found: FormErrors) {
    setErrors(found);
    onInvoiceError(found.byField.invoiceNumber);
    focusFirstError(found);
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (fileReport.isPending) return;
    const request = {
      customerNumber,
      ...(invoiceNumber.trim() ? { invoiceNumber } : {}),
      channel,
      type: type || undefined,
      description,
      ...(locationText.trim() ? { location: { text: locationText } } : {}),
      ...filing.plan?.request,
    };
    const parsed = fileReportRequest.safeParse(request);
    if (!parsed.success) {
      const found = errorsFromIssues(parsed.error.issues, language);
      // Zod skips the whole-request rule while a field is wrong; say it now, not after the next try.
      const missingLocation = type && !locationText.trim() ? missingLocationMessage(type) : undefined;
      if (missingLocation && !found.byField.location) {
        found.byField.location = validationMessage(missingLocation, language);
      }
      showErrors(found);
      return;
    }
    showErrors(noErrors);
    fileReport.mutate(parsed.data, {
      onSuccess: onFiled,
      onError: (error) => {
        if (error instanceof ApiError && error.fields.length > 0) showErrors(errorsFromApi(error.fields));
      },
    });
  }

  function submitOnCtrlEnter(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  }

  const locationRequired = type !== '' && missingLocationMessage(type) !== undefined;
  const trimmedLength = description.trim().length;
  const lengthWrong =
    trimmedLength > DESCRIPTION_MAX ||
    (errors.byField.description !== undefined && trimmedLength < DESCRIPTION_MIN);
  const routingErrors = Object.fromEntries(
    ROUTING_FIELDS.flatMap((field) => (errors.byField[field] ? [[field, errors.byField[field]]] : [])),
  );
  const apiError = fileReport.error;
  const apiErrorHasFields = apiError instanceof ApiError && apiError.fields.length > 0;

  return (
    <form onSubmit={submit} onKeyDown={submitOnCtrlEnter} noValidate aria-labelledby="report-form-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="report-form-title">
          {t('reportForm.title')}
        </Title>
        <Group align="flex-start" gap="md" grow preventGrowOverflow={false}>
          <NativeSelect
            ref={(element) => {
              fieldRefs.type.current = element;
              if (typeof typeRef === 'function') typeRef(element);
              else if (typeRef) typeRef.current = element;
            }}
            label={t('reportForm.type')}
            required
            value={type}
            error={errors.byField.type}
            onChange={(event) => {
              setType(event.currentTarget.value as ReportType | '');
              // Options chosen for one type (urgent, outside the company…) do not carry over.
              setOptions(defaultFilingOptions);
              clearError('type', 'location', ...ROUTING_FIELDS);
            }}
            data={[
              { value: '', label: t('reportForm.typePlaceholder'), disabled: true },
              ...REPORT_TYPES.map((value) => ({ value, label: t(`reportTypes.${value}`) })),
            ]}
            data-testid="report-type"
          />
          <Input.Wrapper
            label={t('reportForm.channel')}
            labelElement="div"
            id="report-channel"
            error={errors.byField.channel}
          >
            <div>
              <SegmentedControl
                aria-labelledby="report-channel-label"
                fullWidth
                value={channel}
                onChange={(value) => onChannelChange(value as Channel)}
                data={AGENT_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
              />
            </div>
          </Input.Wrapper>
        </Group>

        <Textarea
          ref={fieldRefs.description}
          label={t('reportForm.description')}
          description={t('reportForm.descriptionHelp')}
          required
          autosize
          minRows={5}
          maxRows={14}
          value={description}
          error={errors.byField.description}
          onChange={(event) => {
            setDescription(event.currentTarget.value);
            clearError('description');
          }}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          data-testid="report-description"
        />
        <Text size="xs" c={lengthWrong ? 'red' : 'dimmed'} ta="right" mt={-10} aria-live="polite">
          {t('reportForm.counter', {
            length: formatCount(description.length, language),
            max: formatCount(DESCRIPTION_MAX, language),
          })}
        </Text>

        <TextInput
          ref={fieldRefs.location}
          label={t('reportForm.location')}
          description={t('reportForm.locationHelp')}
          required={locationRequired}
          value={locationText}
          error={errors.byField.location}
          autoComplete="off"
          onChange={(event) => {
            setLocationText(event.currentTarget.value);
            clearError('location');
          }}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          data-testid="report-location"
        />

        {type && filing.plan && (
          <RoutingOptionsFields
            type={type}
            options={options}
            onChange={(next) => {
              setOptions(next);
              clearError(...ROUTING_FIELDS);
            }}
            plan={filing.plan}
            table={filing.routing.table}
            departments={filing.routing.departments}
            errors={{ ...filing.previewErrors, ...routingErrors }}
          />
        )}
        <PromisePreview
          idle={!type}
          preview={filing.preview.data}
          error={filing.preview.error}
          outdated={filing.previewOutdated}
          departments={filing.routing.departments}
        />

        {(errors.byField.customerNumber || errors.other.length > 0) && (
          <Alert color="red" variant="light" role="alert" title={t('reportForm.fixErrors')}>
            <List size="sm">
              {errors.byField.customerNumber && (
                <List.Item>
                  {t('reportForm.otherField', {
                    field: t('reportForm.fieldNames.customerNumber'),
                    message: errors.byField.customerNumber,
                  })}
                </List.Item>
              )}
              {errors.other.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {apiError && !apiErrorHasFields && (
          <ErrorMessage
            error={
              apiError instanceof ApiError && apiError.status === 409
                ? conflictError(t('reportForm.conflict'))
                : apiError
            }
          />
        )}

        <Group justify="space-between" align="center">
          <Text size="xs" c="dimmed">
            {invoiceNumber.trim()
              ? `${t('reportForm.invoiceIncluded', { invoice: invoiceNumber.trim() })} `
              : ''}
            {t('reportForm.submitShortcut')}
          </Text>
          <Button type="submit" size="md" loading={fileReport.isPending}>
            {t('reportForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function conflictError(message: string): ApiError {
  return new ApiError(409, 'conflict', message);
}

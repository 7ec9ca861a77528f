import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatReportNumber, parseReportNumber } from '../../core/report-number.js';
import { publicLookupRequest } from '../../core/requests/file-report.js';
import { validationMessage } from '../../core/validation-messages.js';
import { ApiError } from '../api/client.js';
import { useLanguage } from '../i18n/index.js';
import { lookupState } from '../reports/lookup-state.js';
import { PublicReportView } from './PublicReportView.js';
import { type PublicLookup, usePublicReport } from './public-api.js';
import { publicErrorText } from './public-errors.js';
import { usePageTitle } from './use-page-title.js';

/** The query parameter the receipt's QR code fills in: `/seguimiento?numero=2611000427`. */
export const NUMBER_PARAM = 'numero';

export const followUpPath = (number: string) =>
  `/seguimiento?${new URLSearchParams({ [NUMBER_PARAM]: number })}`;

type Field = 'number' | 'customerNumber';

/** `/seguimiento` — a customer follows up their report with its number and their customer number. */
export function FollowUpPage() {
  const { t } = useTranslation('public');
  const language = useLanguage();
  usePageTitle(t('followUp.pageTitle'));
  const [searchParams] = useSearchParams();
  const prefilled = searchParams.get(NUMBER_PARAM)?.trim() ?? '';

  // Shown grouped, the way the receipt prints it.
  const [numberInput, setNumberInput] = useState(() => {
    const parsed = parseReportNumber(prefilled);
    return parsed.ok ? formatReportNumber(parsed.number) : prefilled;
  });
  const [customerInput, setCustomerInput] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [lookup, setLookup] = useState<PublicLookup | null>(null);
  const report = usePublicReport(lookup, language);

  const numberRef = useRef<HTMLInputElement>(null);
  const customerRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const announceResult = useRef(false);

  // Opened from the receipt's QR code: the number is there, the customer number is what is left.
  const startsWithNumber = useRef(lookupState(prefilled).kind === 'ready');
  useEffect(() => {
    if (startsWithNumber.current) customerRef.current?.focus();
  }, []);

  // The answer to a lookup just asked for gets the focus (and the screen); a language switch does not.
  useEffect(() => {
    if (!announceResult.current || report.isFetching) return;
    announceResult.current = false;
    if (report.isSuccess) resultRef.current?.focus();
  }, [report.isFetching, report.isSuccess]);

  const numberState = lookupState(numberInput);
  let numberHint: string | undefined;
  let numberError = fieldErrors.number;
  switch (numberState.kind) {
    case 'empty':
      numberHint = t('followUp.numberHint');
      break;
    case 'incomplete':
      if (submitted) numberError ??= t('followUp.numberMalformed');
      else numberHint = t('followUp.numberHint');
      break;
    case 'ready':
      numberHint = t('followUp.numberReady', { number: formatReportNumber(numberState.number) });
      break;
    case 'check_digit_mismatch':
      numberError ??= t('followUp.numberCheckDigit');
      break;
    case 'malformed':
      numberError ??= t('followUp.numberMalformed');
      break;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const errors: Partial<Record<Field, string>> = {};
    if (numberState.kind === 'empty') errors.number = validationMessage('required', language);
    const parsed = publicLookupRequest.safeParse({
      number: numberState.kind === 'ready' ? numberState.number : numberInput,
      customerNumber: customerInput,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'number' || field === 'customerNumber')
          errors[field] ??= validationMessage(
            field === 'customerNumber' && !customerInput.trim() ? 'required' : issue.message,
            language,
          );
      }
    }
    setFieldErrors(errors);
    if (numberState.kind !== 'ready' || !parsed.success || errors.customerNumber) {
      (numberState.kind !== 'ready' || errors.number ? numberRef : customerRef).current?.focus();
      return;
    }
    announceResult.current = true;
    const next = parsed.data;
    if (lookup && lookup.number === next.number && lookup.customerNumber === next.customerNumber)
      void report.refetch();
    else setLookup(next);
  }

  const error = report.error;
  const notFound = error instanceof ApiError && error.status === 404;
  const mistyped =
    error instanceof ApiError &&
    (error.code === 'check_digit_mismatch' || error.code === 'invalid_report_number');

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('followUp.title')}
        </Title>
        <Text mt={4}>{t('followUp.intro')}</Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            ref={numberRef}
            size="lg"
            label={t('followUp.number')}
            value={numberInput}
            onChange={(event) => {
              setNumberInput(event.currentTarget.value);
              setSubmitted(false);
              setFieldErrors(({ number: _, ...rest }) => rest);
            }}
            inputMode="numeric"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            placeholder="2611-00042-7"
            description={numberError ? undefined : numberHint}
            error={numberError}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            classNames={{ input: 'public-tabular' }}
            data-testid="public-number"
          />
          <TextInput
            ref={customerRef}
            size="lg"
            label={t('followUp.customerNumber')}
            description={t('followUp.customerNumberHint')}
            value={customerInput}
            onChange={(event) => {
              setCustomerInput(event.currentTarget.value);
              setFieldErrors(({ customerNumber: _, ...rest }) => rest);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            error={fieldErrors.customerNumber}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data-testid="public-customer-number"
          />
          <Button type="submit" size="lg" fullWidth loading={report.isFetching}>
            {t('followUp.submit')}
          </Button>
        </Stack>
      </form>

      {error && !report.isFetching && (
        <Alert color={notFound || mistyped ? 'orange' : 'red'} variant="light" role="alert">
          {notFound ? (
            <>
              <Text fw={600}>{t('followUp.notFound')}</Text>
              <Text size="sm" mt={4}>
                {t('followUp.notFoundHelp')}
              </Text>
            </>
          ) : mistyped ? (
            <Text fw={600}>{t('followUp.numberCheckDigit')}</Text>
          ) : (
            <Text fw={600}>{publicErrorText(error, t)}</Text>
          )}
        </Alert>
      )}
      {report.data && !error && <PublicReportView report={report.data} titleRef={resultRef} />}
    </Stack>
  );
}

import { Alert, Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoiceNumberField } from '../../core/requests/fields.js';
import { validationMessage } from '../../core/validation-messages.js';
import { useLanguage } from '../i18n/index.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { useVerifyInvoice } from './customer-api.js';

export interface InvoiceCheckResult {
  invoiceNumber: string;
  verified: boolean | null;
}

interface InvoiceCheckProps {
  customerNumber: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Called with what the agent typed, and the verdict once there is one for exactly that. */
  onChange: (result: InvoiceCheckResult) => void;
  error?: string | undefined;
}

/**
 * The last invoice number proves the caller is the customer. A mismatch does not stop the
 * report (the customer may not have the invoice at hand); it is shown, and the report is
 * filed as unverified.
 */
export function InvoiceCheck({ customerNumber, inputRef, onChange, error }: InvoiceCheckProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const verify = useVerifyInvoice(customerNumber);
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [checked, setChecked] = useState<{ invoiceNumber: string; verified: boolean } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  const verdict = checked && checked.invoiceNumber === invoiceNumber.trim() ? checked.verified : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = invoiceNumberField.safeParse(invoiceNumber);
    if (!parsed.success) {
      setFieldError(validationMessage(parsed.error.issues[0]?.message ?? 'invoice_number', language));
      return;
    }
    setFieldError(undefined);
    verify.mutate(parsed.data, {
      onSuccess: ({ verified }) => {
        setChecked({ invoiceNumber: parsed.data, verified });
        onChange({ invoiceNumber: parsed.data, verified });
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="xs" wrap="nowrap" mt="md">
        <TextInput
          ref={inputRef}
          flex={1}
          label={t('invoice.label')}
          description={t('invoice.help')}
          value={invoiceNumber}
          autoComplete="off"
          spellCheck={false}
          error={fieldError ?? error}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setInvoiceNumber(value);
            setFieldError(undefined);
            onChange({
              invoiceNumber: value.trim(),
              verified: checked?.invoiceNumber === value.trim() ? checked.verified : null,
            });
          }}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <Button type="submit" variant="light" loading={verify.isPending} mt={24}>
          {t('invoice.verify')}
        </Button>
      </Group>
      {verify.isError && <ErrorMessage error={verify.error} />}
      {verdict === true && (
        <Alert
          color="teal"
          variant="light"
          mt="sm"
          role="status"
          data-testid="invoice-verdict"
          data-verified="true"
        >
          ✓ {t('invoice.verified')}
        </Alert>
      )}
      {verdict === false && (
        <Alert
          color="orange"
          variant="light"
          mt="sm"
          role="status"
          data-testid="invoice-verdict"
          data-verified="false"
        >
          ⚠ {t('invoice.notMatching')}
        </Alert>
      )}
    </form>
  );
}

import { Grid, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../core/report.js';
import type { Customer, Report } from '../api/types.js';
import { CustomerCard } from '../customers/CustomerCard.js';
import { CustomerSearch } from '../customers/CustomerSearch.js';
import { InvoiceCheck, type InvoiceCheckResult } from '../customers/InvoiceCheck.js';
import { FiledReport } from '../reports/FiledReport.js';
import { ReportForm } from '../reports/ReportForm.js';

/**
 * The agent's one screen for a customer at the counter or on the line: find the customer,
 * check the last invoice, file the report, read the number back.
 */
export function DeskPage() {
  const { t } = useTranslation();
  const searchRef = useRef<HTMLInputElement>(null);
  const invoiceRef = useRef<HTMLInputElement>(null);
  const typeRef = useRef<HTMLSelectElement>(null);

  const [customer, setCustomer] = useState<Customer | null>(null);
  const [invoice, setInvoice] = useState<InvoiceCheckResult>({ invoiceNumber: '', verified: null });
  const [invoiceError, setInvoiceError] = useState<string | undefined>();
  // An agent on the phone files phone reports all day: the channel stays as last chosen.
  const [channel, setChannel] = useState<Channel>('office');
  const [filed, setFiled] = useState<Report | null>(null);
  // A new form (and so a new idempotency key) for each report.
  const [formFill, setFormFill] = useState(0);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  function selectCustomer(next: Customer) {
    setCustomer(next);
    setInvoice({ invoiceNumber: '', verified: null });
    setInvoiceError(undefined);
    setFormFill((n) => n + 1);
    // The next thing to ask the customer is the last invoice number.
    requestAnimationFrame(() => invoiceRef.current?.focus());
  }

  function startOver() {
    setCustomer(null);
    setFiled(null);
    setInvoice({ invoiceNumber: '', verified: null });
    setInvoiceError(undefined);
    setFormFill((n) => n + 1);
    requestAnimationFrame(() => searchRef.current?.focus());
  }

  function invoiceChanged(result: InvoiceCheckResult) {
    setInvoice(result);
    setInvoiceError(undefined);
    if (result.verified === true) requestAnimationFrame(() => typeRef.current?.focus());
  }

  if (filed) {
    return (
      <Stack maw={880} mx="auto">
        <VisuallyHidden>
          <Title order={1}>{t('desk.title')}</Title>
        </VisuallyHidden>
        <FiledReport report={filed} onNewReport={startOver} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('desk.title')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <CustomerSearch onSelect={selectCustomer} inputRef={searchRef} />
            {customer && (
              <CustomerCard customer={customer} key={customer.customerNumber}>
                <InvoiceCheck
                  customerNumber={customer.customerNumber}
                  inputRef={invoiceRef}
                  onChange={invoiceChanged}
                  error={invoiceError}
                />
              </CustomerCard>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {customer ? (
            <Paper withBorder radius="md" p="lg">
              <ReportForm
                key={formFill}
                customerNumber={customer.customerNumber}
                invoiceNumber={invoice.invoiceNumber}
                channel={channel}
                onChannelChange={setChannel}
                onFiled={setFiled}
                onInvoiceError={setInvoiceError}
                typeRef={typeRef}
              />
            </Paper>
          ) : (
            <Paper withBorder radius="md" p="xl" bg="gray.0" style={{ borderStyle: 'dashed' }}>
              <Text c="dimmed" ta="center">
                {t('desk.chooseCustomerFirst')}
              </Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

import { Button, DataList, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/types.js';
import { cityLine, streetLine } from './address.js';

interface CustomerCardProps {
  customer: Customer;
  onChange?: () => void;
  children?: ReactNode;
}

export function CustomerCard({ customer, onChange, children }: CustomerCardProps) {
  const { t } = useTranslation();
  const { address } = customer;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="customer-card-name">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <div>
          <Title order={2} size="h3" id="customer-card-name" data-testid="customer-name">
            {customer.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('customers.customerNumber')}:{' '}
            <Text span ff="monospace" c="dark" fw={600}>
              {customer.customerNumber}
            </Text>
          </Text>
        </div>
        {onChange && (
          <Button variant="subtle" size="xs" onClick={onChange}>
            {t('customers.change')}
          </Button>
        )}
      </Group>
      <DataList size="sm" labelWidth={150} gap="xs">
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.address')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {streetLine(address, t)}
            <br />
            {t('customers.colonia', { colonia: address.colonia })}
            <br />
            {cityLine(address, t)}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.phone')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {customer.phone ?? (
              <Text span c="dimmed" size="sm">
                {t('customers.noPhone')}
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        {customer.email && (
          <DataList.Item>
            <DataList.ItemLabel>{t('customers.email')}</DataList.ItemLabel>
            <DataList.ItemValue>{customer.email}</DataList.ItemValue>
          </DataList.Item>
        )}
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.billingCycleDay')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {t('customers.billingCycleDayValue', { day: customer.billingCycleDay })}
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
      {children}
    </Paper>
  );
}

import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/types.js';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { addressLine } from './address.js';
import { useCustomerSearch } from './customer-api.js';

const SEARCH_DELAY_MS = 200;

interface CustomerSearchProps {
  onSelect: (customer: Customer) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** Finds a customer by number, name or phone as the agent types; ↑ ↓ and Enter choose one. */
export function CustomerSearch({ onSelect, inputRef }: CustomerSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text, SEARCH_DELAY_MS);
  const search = useCustomerSearch(query);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const results = search.data;
  const customers = text.trim() === '' || !results ? [] : results;
  // Results for exactly what is in the box: only then may Enter pick one.
  const settled = query === text && !search.isFetching;

  useEffect(() => {
    if (settled && results && results.length > 0) combobox.selectFirstOption();
  }, [settled, results, combobox.selectFirstOption]);

  function choose(customerNumber: string) {
    const customer = customers.find((c) => c.customerNumber === customerNumber);
    if (!customer) return;
    combobox.closeDropdown();
    setText('');
    onSelect(customer);
  }

  const showDropdown = text.trim() !== '' && (customers.length > 0 || settled);

  return (
    <Combobox store={combobox} onOptionSubmit={choose} withinPortal={false}>
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          label={t('customers.searchLabel')}
          placeholder={t('customers.searchPlaceholder')}
          description={t('customers.searchHelp')}
          value={text}
          size="md"
          autoComplete="off"
          spellCheck={false}
          data-testid="customer-search"
          rightSection={search.isFetching ? <Loader size="xs" aria-label={t('customers.searching')} /> : null}
          onChange={(event) => {
            setText(event.currentTarget.value);
            combobox.resetSelectedOption();
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onClick={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setText('');
          }}
        />
      </Combobox.Target>

      <Combobox.Dropdown hidden={!showDropdown}>
        <Combobox.Options mah={420} style={{ overflowY: 'auto' }} aria-label={t('customers.searchResults')}>
          {search.isError && <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />}
          {customers.map((customer) => (
            <Combobox.Option value={customer.customerNumber} key={customer.customerNumber}>
              <Group justify="space-between" wrap="nowrap" gap="md">
                <div>
                  <Text size="sm" fw={600}>
                    {customer.name}
                  </Text>
                  <Text size="xs" className="option-detail">
                    {addressLine(customer.address, t)}
                  </Text>
                </div>
                <div style={{ textAlign: 'right' }}>
                  <Text size="sm" ff="monospace">
                    {customer.customerNumber}
                  </Text>
                  {customer.phone && (
                    <Text size="xs" className="option-detail">
                      {customer.phone}
                    </Text>
                  )}
                </div>
              </Group>
            </Combobox.Option>
          ))}
          {customers.length === 0 && settled && !search.isError && (
            <Combobox.Empty>{t('customers.noResults', { query: text.trim() })}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

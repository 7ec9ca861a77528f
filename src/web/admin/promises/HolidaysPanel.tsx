import {
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../../core/calendar.js';
import { holidayRequest } from '../../../core/requests/settings.js';
import { isApiError } from '../../api/client.js';
import { useLanguage } from '../../i18n/index.js';
import { ErrorMessage } from '../../layout/ErrorMessage.js';
import { QueryState } from '../AdminPage.js';
import { formatLocalDate } from '../admin-format.js';
import { errorsFromApi, errorsFromIssues, type FieldErrors, noFieldErrors } from '../form-errors.js';
import { useAddHoliday, useHolidays, useRemoveHoliday } from './promise-policy-api.js';

/**
 * The days the office is closed in a year besides weekends. The official rest days are the
 * law's and stay; the company's own can be added and removed. Promises count around all of them.
 */
export function HolidaysPanel({ onChanged }: { onChanged: (text: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [year, setYear] = useState(() => Number(localDateOf(new Date()).slice(0, 4)));
  const holidays = useHolidays(year);
  const remove = useRemoveHoliday();

  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="holidays-title">
      <Group justify="space-between" px="md" pt="md" align="flex-end">
        <div>
          <Title order={2} size="h4" id="holidays-title">
            {t('admin.holidays.title', { year })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.holidays.description')}
          </Text>
        </div>
        <Group gap={4} role="group" aria-label={t('admin.holidays.year')}>
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => setYear(year - 1)}
            disabled={year <= 2000}
          >
            ← {year - 1}
          </Button>
          <Text fw={700} px="sm" aria-live="polite" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {year}
          </Text>
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => setYear(year + 1)}
            disabled={year >= 2100}
          >
            {year + 1} →
          </Button>
        </Group>
      </Group>
      {remove.error && (
        <Stack px="md" pt="sm">
          <ErrorMessage error={remove.error} />
        </Stack>
      )}
      <QueryState query={holidays}>
        {(list) => (
          <Table striped verticalSpacing="xs" horizontalSpacing="md" mt="xs" data-testid="holidays-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={280}>{t('admin.holidays.date')}</Table.Th>
                <Table.Th>{t('admin.holidays.name')}</Table.Th>
                <Table.Th w={200}>{t('admin.holidays.kind')}</Table.Th>
                <Table.Th w={110}>
                  <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((holiday) => (
                <Table.Tr key={holiday.date}>
                  <Table.Td>
                    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatLocalDate(holiday.date, language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{holiday.name}</Table.Td>
                  <Table.Td>
                    {holiday.official ? (
                      <Badge
                        variant="light"
                        color="blue"
                        radius="sm"
                        tt="none"
                        title={t('admin.holidays.officialHelp')}
                      >
                        {t('admin.holidays.official')}
                      </Badge>
                    ) : (
                      <Badge variant="light" color="grape" radius="sm" tt="none">
                        {t('admin.holidays.company')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!holiday.official && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('admin.holidays.removeLabel', { name: holiday.name })}
                        loading={remove.isPending && remove.variables === holiday.date}
                        onClick={() =>
                          remove.mutate(holiday.date, {
                            onSuccess: () => onChanged(t('admin.holidays.removed', { name: holiday.name })),
                          })
                        }
                      >
                        {t('admin.holidays.remove')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <NewHolidayForm year={year} onAdded={(name) => onChanged(t('admin.holidays.added', { name }))} />
    </Paper>
  );
}

function NewHolidayForm({ year, onAdded }: { year: number; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const add = useAddHoliday();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(noFieldErrors);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    const parsed = holidayRequest.safeParse({ date, name });
    if (!parsed.success) return setErrors(errorsFromIssues(parsed.error.issues, ['date', 'name'], language));
    setErrors(noFieldErrors);
    add.mutate(parsed.data, {
      onSuccess: (holiday) => {
        setDate('');
        setName('');
        onAdded(holiday.name);
      },
      onError: (error) => {
        // Already a day off (official or added before): the date is what to change.
        if (isApiError(error) && error.status === 409)
          setErrors({ byField: { date: error.message }, other: [] });
        else setErrors(errorsFromApi(error, ['date', 'name']) ?? noFieldErrors);
      },
    });
  }

  const shown = isApiError(add.error) && (add.error.status === 409 || add.error.fields.length > 0);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-holiday-title">
      <Stack gap="xs" p="md" bg="gray.0" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text fw={600} size="sm" id="new-holiday-title">
          {t('admin.holidays.newTitle')}
        </Text>
        <Group align="flex-start" gap="sm">
          <TextInput
            type="date"
            label={t('admin.holidays.date')}
            w={200}
            min={`${year}-01-01`}
            max={`${year}-12-31`}
            value={date}
            error={errors.byField.date}
            onChange={(event) => setDate(event.currentTarget.value)}
          />
          <TextInput
            label={t('admin.holidays.name')}
            placeholder={t('admin.holidays.namePlaceholder')}
            style={{ flex: 1 }}
            value={name}
            error={errors.byField.name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button type="submit" mt={25} loading={add.isPending}>
            {t('admin.holidays.add')}
          </Button>
        </Group>
        {add.error && !shown && <ErrorMessage error={add.error} />}
      </Stack>
    </form>
  );
}

import { Autocomplete, Button, type ComboboxParsedItem, Group, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor, User } from '../api/types.js';
import { personMatches } from './assignment-options.js';
import { useAssignableStaff } from './back-office-api.js';

interface AssignToFormProps {
  user: User;
  /** The department whose staff can be chosen; null when the reports span several. */
  department: string | null;
  /** People already known to work there (e.g. the assignees in the queue on screen). */
  known?: readonly Actor[];
  pending: boolean;
  submitLabel: string;
  onAssign: (username: string) => void;
}

/**
 * "Asignar a…": a username, with the department's people suggested (found by name or username)
 * when the department is known. Typing a username still works when no one is suggested.
 */
export function AssignToForm({
  user,
  department,
  known = [],
  pending,
  submitLabel,
  onAssign,
}: AssignToFormProps) {
  const { t } = useTranslation();
  const staff = useAssignableStaff(user, department);
  const [username, setUsername] = useState('');

  const people = new Map<string, Actor>();
  for (const person of [...(staff.data ?? []), ...known]) people.set(person.username, person);
  const names = new Map([...people.values()].map((p) => [p.username, p.name]));
  const findPeople = ({ options, search }: { options: ComboboxParsedItem[]; search: string }) =>
    options.filter(
      (option) =>
        'value' in option &&
        personMatches({ username: option.value, name: names.get(option.value) ?? '' }, search),
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = username.trim();
    if (chosen) onAssign(chosen);
  }

  return (
    <form onSubmit={submit}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Autocomplete
          label={t('backOffice.assign.to')}
          placeholder={t('backOffice.assign.toPlaceholder')}
          description={people.size === 0 ? t('backOffice.assign.typeUsername') : undefined}
          data={[...people.keys()]}
          filter={findPeople}
          renderOption={({ option }) => (
            <Text size="sm">
              {names.get(option.value) ?? option.value}{' '}
              <Text span c="dimmed" size="xs">
                {option.value}
              </Text>
            </Text>
          )}
          value={username}
          onChange={setUsername}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          w={240}
          data-testid="assign-to-input"
        />
        <Button type="submit" variant="light" loading={pending} disabled={username.trim() === ''}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}

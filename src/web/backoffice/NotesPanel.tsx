import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteVisibility } from '../../core/requests/back-office.js';
import { validationMessage } from '../../core/validation-messages.js';
import { ApiError } from '../api/client.js';
import type { Report, User } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { useLanguage } from '../i18n/index.js';
import { canWriteInternalNotes } from './assignment-options.js';
import { useAddNote } from './back-office-api.js';
import { notesOf } from './report-work.js';
import { useWriteProblem, WriteProblem } from './use-write-problem.js';

const NOTE_MAX = 5000;

/** Notes on the report: internal ones stay among staff, the others the customer reads. */
export function NotesPanel({ report, user }: { report: Report; user: User }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notes = notesOf(report.timeline);
  const internalAllowed = canWriteInternalNotes(user);
  const addNote = useAddNote(report.number);
  const { problem, report: fail, clear } = useWriteProblem(report.number);
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>(internalAllowed ? 'internal' : 'customer');
  const [fieldError, setFieldError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (addNote.isPending) return;
    const trimmed = text.trim();
    if (!trimmed) {
      setFieldError(validationMessage('note_text', language));
      return;
    }
    clear();
    addNote.mutate(
      { text: trimmed, visibility, version: report.version },
      {
        onSuccess: () => setText(''),
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0)
            setFieldError(error.fields.map((f) => f.message).join(' '));
          else fail(error);
        },
      },
    );
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="notes-title"
      data-testid="notes-panel"
    >
      <Stack gap="sm">
        <Title order={2} size="h5" id="notes-title">
          {t('backOffice.notes.title')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('backOffice.notes.text')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={NOTE_MAX}
              value={text}
              error={fieldError}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setFieldError(undefined);
              }}
            />
            <Group justify="space-between" gap="xs" wrap="wrap">
              {internalAllowed ? (
                <SegmentedControl
                  size="xs"
                  aria-label={t('backOffice.notes.visibility')}
                  value={visibility}
                  onChange={(value) => setVisibility(value === 'customer' ? 'customer' : 'internal')}
                  data={[
                    { value: 'internal', label: t('backOffice.notes.internal') },
                    { value: 'customer', label: t('backOffice.notes.customer') },
                  ]}
                />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('backOffice.notes.customerOnly')}
                </Text>
              )}
              <Button type="submit" size="sm" loading={addNote.isPending}>
                {t('backOffice.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
        <WriteProblem problem={problem} onClose={clear} />
        {notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('backOffice.notes.none')}
          </Text>
        ) : (
          <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} data-testid="notes-list">
            {notes.map((note) => (
              <Paper
                key={`${note.at}-${note.text.slice(0, 20)}`}
                component="li"
                p="sm"
                radius="sm"
                bg={note.visibility === 'internal' ? 'yellow.0' : 'blue.0'}
                data-visibility={note.visibility}
              >
                <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                  <Badge size="sm" variant="light" color={note.visibility === 'internal' ? 'orange' : 'blue'}>
                    {note.visibility === 'internal'
                      ? t('backOffice.notes.internalBadge')
                      : t('backOffice.notes.customerBadge')}
                  </Badge>
                  <Text size="xs" c="dimmed" ta="right">
                    {formatDateTime(note.at, language)} · {note.actor?.name ?? t('report.system')}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {note.text}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

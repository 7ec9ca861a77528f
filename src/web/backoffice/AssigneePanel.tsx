import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, User } from '../api/types.js';
import { AssignToForm } from './AssignToForm.js';
import { assignmentOptions } from './assignment-options.js';
import { useAssignReport } from './back-office-api.js';
import { useWriteProblem, WriteProblem } from './use-write-problem.js';

/** Who works the report, and the buttons to take it, give it back or hand it to someone. */
export function AssigneePanel({ report, user }: { report: Report; user: User }) {
  const { t } = useTranslation();
  const assign = useAssignReport(report.number);
  const { problem, report: fail, clear } = useWriteProblem(report.number);
  const [choosing, setChoosing] = useState(false);
  const options = assignmentOptions(user, report);
  const mine = report.assignee?.username === user.username;

  function send(assignee: string | null) {
    clear();
    assign.mutate(
      { assignee, version: report.version },
      { onSuccess: () => setChoosing(false), onError: fail },
    );
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="assignee-title"
      data-testid="assignee-panel"
    >
      <Stack gap="sm">
        <Title order={2} size="h5" id="assignee-title">
          {t('backOffice.assign.title')}
        </Title>
        <Text
          data-testid="assignee-name"
          fw={report.assignee ? 600 : 400}
          c={report.assignee ? undefined : 'dimmed'}
        >
          {report.assignee
            ? mine
              ? t('backOffice.assign.you', { name: report.assignee.name })
              : report.assignee.name
            : t('backOffice.assign.nobody')}
        </Text>
        {(options.take || options.giveBack || options.assignOthers) && (
          <Group gap="xs">
            {options.take && (
              <Button
                onClick={() => send('me')}
                loading={assign.isPending && assign.variables?.assignee === 'me'}
              >
                {t('backOffice.assign.take')}
              </Button>
            )}
            {options.assignOthers && (
              <Button variant="default" onClick={() => setChoosing((open) => !open)} aria-expanded={choosing}>
                {t('backOffice.assign.assignTo')}
              </Button>
            )}
            {options.giveBack && (
              <Button
                variant="subtle"
                color="gray"
                onClick={() => send(null)}
                loading={assign.isPending && assign.variables?.assignee === null}
              >
                {t('backOffice.assign.giveBack')}
              </Button>
            )}
          </Group>
        )}
        {choosing && (
          <AssignToForm
            user={user}
            department={report.department}
            pending={assign.isPending}
            submitLabel={t('backOffice.assign.submit')}
            onAssign={(username) => send(username)}
          />
        )}
        <WriteProblem problem={problem} onClose={clear} />
      </Stack>
    </Paper>
  );
}

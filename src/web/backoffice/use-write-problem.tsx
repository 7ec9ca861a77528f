import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../layout/ErrorMessage.js';
import { reportKey } from '../reports/report-api.js';
import { isStaleVersion } from '../workflow/workflow-api.js';

/**
 * What went wrong with the last write of a panel. Someone else changing the report first is
 * not an error to retry blindly: the page loads their change and asks to look before trying again.
 */
export function useWriteProblem(number: string) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<{ error: unknown; stale: boolean } | null>(null);
  return {
    problem,
    clear: () => setProblem(null),
    report: (error: unknown) => {
      const stale = isStaleVersion(error);
      if (stale) void queryClient.invalidateQueries({ queryKey: reportKey(number) });
      setProblem({ error, stale });
    },
  };
}

export function WriteProblem({
  problem,
  onClose,
}: {
  problem: { error: unknown; stale: boolean } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.stale)
    return (
      <Alert
        color="orange"
        variant="light"
        role="alert"
        withCloseButton
        onClose={onClose}
        title={t('workflow.staleVersion')}
        data-testid="stale-version"
      >
        {t('workflow.reloaded')}
      </Alert>
    );
  return <ErrorMessage error={problem.error} />;
}

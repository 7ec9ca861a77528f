import { SimpleGrid, Stack } from '@mantine/core';
import type { Report } from '../api/types.js';
import { useSession } from '../session/session-api.js';
import { AssigneePanel } from './AssigneePanel.js';
import { AttachmentsPanel } from './AttachmentsPanel.js';
import { DocumentsPanel } from './DocumentsPanel.js';
import { NotesPanel } from './NotesPanel.js';

/** The report page's working panels: who has it, notes, requested documents and files. */
export function BackOfficePanels({ report }: { report: Report }) {
  const session = useSession();
  const user = session.data;
  if (!user) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
      <Stack gap="md">
        <AssigneePanel report={report} user={user} />
        <NotesPanel report={report} user={user} />
      </Stack>
      <Stack gap="md">
        <DocumentsPanel report={report} />
        <AttachmentsPanel report={report} />
      </Stack>
    </SimpleGrid>
  );
}

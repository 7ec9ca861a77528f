import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { AdminArea } from './admin/AdminArea.js';
import { DeskPage } from './desk/DeskPage.js';
import { AppLayout } from './layout/AppLayout.js';
import { ErrorMessage } from './layout/ErrorMessage.js';
import { NotFoundPage } from './layout/NotFoundPage.js';
import { QueuePage } from './queue/QueuePage.js';
import { ReportPage } from './reports/ReportPage.js';
import { ChangePasswordPage } from './session/ChangePasswordPage.js';
import { SignInPage } from './session/SignInPage.js';
import { useSession } from './session/session-api.js';
import { TECHNICIAN_PATH } from './technician/field-work.js';
import { HomePage } from './technician/HomePage.js';
import { TechnicianPage } from './technician/TechnicianPage.js';

export function App() {
  const { t } = useTranslation();
  const session = useSession();

  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Stack align="center" gap="xs">
          <Loader />
          <Text c="dimmed">{t('session.checking')}</Text>
        </Stack>
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center mih="100vh" p="md">
        <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  }
  if (!session.data) return <SignInPage />;
  // The server refuses everything else until an administrator-set password is replaced.
  if (session.data.mustChangePassword) return <ChangePasswordPage user={session.data} />;

  return (
    <AppLayout user={session.data}>
      <Routes>
        <Route path="/" element={<HomePage user={session.data} desk={<DeskPage />} />} />
        <Route path="/reportes/:number" element={<ReportPage />} />
        <Route path="/cola" element={<QueuePage user={session.data} />} />
        <Route path="/cola/:department" element={<QueuePage user={session.data} />} />
        <Route path={TECHNICIAN_PATH} element={<TechnicianPage />} />
        <Route path="/admin/*" element={<AdminArea user={session.data} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppLayout>
  );
}

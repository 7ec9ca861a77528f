import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center" p="xl">
      <Title order={1} size="h3">
        {t('notFoundPage.title')}
      </Title>
      <Anchor component={Link} to="/">
        {t('notFoundPage.home')}
      </Anchor>
    </Stack>
  );
}

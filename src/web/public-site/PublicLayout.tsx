import './public-site.css';
import { Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useLanguage } from '../i18n/index.js';

/** The office as customers reach it; the phones in the form a phone dials. */
export const OFFICE_PHONES = [
  { display: '+52 487 873 1703', dial: '+524878731703' },
  { display: '+52 487 101 1684', dial: '+524871011684' },
] as const;

/**
 * The frame of the customers' pages: no sign-in, no staff header. A phone-width column with
 * the two things a customer comes for, a one-tap language switch, and the office in the footer.
 */
export function PublicLayout() {
  const { t, i18n } = useTranslation('public');
  const language = useLanguage();
  const other = language === 'es' ? 'en' : 'es';

  return (
    <div className="public-site">
      <a href="#public-main" className="skip-link">
        {t('site.skipToContent')}
      </a>
      <Box component="header" className="public-header">
        <div className="public-column">
          <Group justify="space-between" wrap="nowrap" gap="sm" py="sm">
            <div>
              <Text fw={800} fz={20} lh={1.2}>
                {t('site.name')}
              </Text>
              <Text c="dimmed" size="sm">
                {t('site.place')}
              </Text>
            </div>
            <Button
              variant="default"
              size="md"
              lang={other === 'en' ? 'en' : 'es-MX'}
              aria-label={t('site.switchLanguageLabel')}
              onClick={() => void i18n.changeLanguage(other)}
              data-testid="public-language"
            >
              {t('site.switchLanguage')}
            </Button>
          </Group>
          <nav aria-label={t('site.nav')} className="public-nav">
            <NavLink to="/seguimiento" className="public-nav-link">
              {t('site.followUp')}
            </NavLink>
            <NavLink to="/reportar" className="public-nav-link">
              {t('site.report')}
            </NavLink>
          </nav>
        </div>
      </Box>
      <main id="public-main" tabIndex={-1} className="public-main">
        <div className="public-column">
          <Outlet />
        </div>
      </main>
      <Box component="footer" className="public-footer" data-testid="public-footer">
        <Stack gap={4} className="public-column">
          <Title order={2} size="h5">
            {t('site.officeTitle')}
          </Title>
          <Text component="address" fs="normal">
            {t('site.name')}
            <br />
            {t('site.address')}
          </Text>
          <Text size="sm" c="dimmed" mt="xs">
            {t('site.phonesTitle')}
          </Text>
          <Group gap="md" wrap="wrap">
            {OFFICE_PHONES.map((phone) => (
              <Anchor
                key={phone.dial}
                href={`tel:${phone.dial}`}
                className="public-phone public-tabular"
                aria-label={t('site.callUs', { phone: phone.display })}
              >
                {phone.display}
              </Anchor>
            ))}
          </Group>
        </Stack>
      </Box>
    </div>
  );
}

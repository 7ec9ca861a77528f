import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLanguage } from '../i18n/index.js';

export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={LANGUAGES.map((code) => ({
        value: code,
        label: <span title={t(`language.${code}Long`)}>{t(`language.${code}`)}</span>,
      }))}
    />
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The tab's title: the page, then who it belongs to. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation('public');
  const site = t('site.name');
  useEffect(() => {
    const before = document.title;
    document.title = `${title} · ${site}`;
    return () => {
      document.title = before;
    };
  }, [title, site]);
}

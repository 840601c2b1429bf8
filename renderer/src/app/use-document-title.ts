import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setTrailTitle } from './page-trail';

/** "Contacts · Rapport" in the window title and the taskbar. */
export function useDocumentTitle(title: string | null | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
    if (title) setTrailTitle(title);
  }, [title, t]);
}

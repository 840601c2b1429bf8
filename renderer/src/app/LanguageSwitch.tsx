import { useTranslation } from 'react-i18next';
import { changeLanguage, type LanguageCode } from '../i18n';
import { LanguageOptions } from './ui/LanguageOptions';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <select
      className="select select--compact"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(event) => changeLanguage(event.target.value as LanguageCode)}
    >
      <LanguageOptions />
    </select>
  );
}

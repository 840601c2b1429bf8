import { useTranslation } from 'react-i18next';
import { useTheme, type Theme } from '../../../app/theme';
import { changeLanguage, LANGUAGES, type LanguageCode } from '../../../i18n';

export function AppearanceSettings() {
  const { t, i18n } = useTranslation();
  const [theme, setTheme] = useTheme();
  return (
    <section className="card" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance" className="card__title">
        {t('settings.appearance')}
      </h2>
      <div className="form-grid">
        <fieldset className="field">
          <legend className="field__label">{t('settings.theme')}</legend>
          <div className="segmented">
            {(['light', 'dark'] as Theme[]).map((value) => (
              <label key={value} className="segmented__option">
                <input type="radio" name="theme" checked={theme === value} onChange={() => setTheme(value)} />
                <span>{t(`theme.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor="settings-language">
            {t('settings.language')}
          </label>
          <select id="settings-language" className="select" value={i18n.language} onChange={(event) => changeLanguage(event.target.value as LanguageCode)}>
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.label}
              </option>
            ))}
          </select>
          <p className="field__hint">{t('settings.languageHint')}</p>
        </div>
      </div>
    </section>
  );
}

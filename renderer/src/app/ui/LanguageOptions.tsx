import { LANGUAGES } from '../../i18n';

/** The <option>s of a language <select>, each named in its own language. */
export function LanguageOptions() {
  return LANGUAGES.map((language) => (
    <option key={language.code} value={language.code} lang={language.code}>
      {language.label}
    </option>
  ));
}

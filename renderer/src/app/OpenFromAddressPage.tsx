import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The browser host refused this page's requests (401): it was opened without the launch token, or
 * with the token of an earlier start. Nothing is wrong with the data or the user's role; the
 * person has to open the address Rapport printed in the terminal this time.
 */
export function OpenFromAddressPage() {
  const { t } = useTranslation();
  return (
    <main className="splash">
      <div className="splash__card splash__card--steps" role="alert" aria-labelledby="open-from-address-title">
        <h1 id="open-from-address-title">{t('openFromAddress.title')}</h1>
        <p>{t('openFromAddress.why')}</p>
        <ol className="splash__steps">
          <li>{t('openFromAddress.stepTerminal')}</li>
          <li>
            {t('openFromAddress.stepOpen')} <code className="code">Rapport is running at</code>
            {t('openFromAddress.stepOpenEnd')}
            <code className="code splash__example">http://127.0.0.1:…/?token=…</code>
          </li>
          <li>
            {t('openFromAddress.stepNotRunning')} <code className="code">npm start</code>
          </li>
        </ol>
        <p className="muted">{t('openFromAddress.safe')}</p>
        <div className="splash__language">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}

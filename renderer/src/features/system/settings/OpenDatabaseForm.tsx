import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openDatabaseInHost, type OpenDatabaseUiError } from '../../../app/host-client';
import { Field } from '../../../app/ui/Field';

/**
 * Browser host only (Electron has File → Open Database… / New Database…): open or create another
 * database file by its path. A refusal is shown beside the field in the user's language and the
 * open database stays open; on success the page reloads on the new file.
 */
export function OpenDatabaseForm({ folder }: { folder: string }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState<'open' | 'create' | null>(null);
  const [error, setError] = useState<OpenDatabaseUiError | null>(null);
  const example = `${folder}shop.db`;

  async function run(create: boolean) {
    if (busy) return;
    if (path.trim() === '') {
      setError({ code: 'VALIDATION', message: '' });
      return;
    }
    setBusy(create ? 'create' : 'open');
    setError(null);
    const outcome = await openDatabaseInHost({ path, create });
    if (outcome.ok) {
      // Everything on screen (and in the query cache) belongs to the previous file.
      window.location.reload();
      return;
    }
    setError(outcome.error);
    setBusy(null);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };

  const message = error ? t(`settingsSwitch.errors.${error.code}`, { message: error.message, file: error.file ?? path }) : '';
  return (
    <form className="settings__switch" onSubmit={submit} noValidate aria-labelledby="settings-switch">
      <h3 id="settings-switch" className="settings__subtitle">
        {t('settingsSwitch.title')}
      </h3>
      <p className="field__hint settings__lead">{t('settingsSwitch.lead')}</p>
      <Field label={t('settingsSwitch.path')} error={error ? { type: 'host', message } : undefined} hint={t('settingsSwitch.hint')}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={path}
            placeholder={example}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => {
              setPath(event.target.value);
              if (error) setError(null);
            }}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {busy === 'open' ? t('settingsSwitch.opening') : t('settingsSwitch.open')}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run(true)}>
          {busy === 'create' ? t('settingsSwitch.creating') : t('settingsSwitch.create')}
        </button>
      </div>
    </form>
  );
}

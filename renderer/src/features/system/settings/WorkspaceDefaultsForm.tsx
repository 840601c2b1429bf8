import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LOCALES, settingsUpdate, type WorkspaceInfo } from '../../../../../db/contract/system';
import { rapportErrorOf } from '../../../app/errors';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { CurrencyOptions } from '../../../app/ui/CurrencyOptions';
import { Field } from '../../../app/ui/Field';
import { LanguageOptions } from '../../../app/ui/LanguageOptions';

/** The form edits the values; the version it read is kept beside them and sent with the save. */
const defaultsSchema = settingsUpdate.omit({ version: true });

interface DefaultsValues {
  locale: (typeof LOCALES)[number];
  currency: string;
}

/**
 * Workspace-wide defaults every PC opening this file starts from (locale, currency). A save after
 * someone else's is refused (CONFLICT): the form then shows their values and says so.
 */
export function WorkspaceDefaultsForm({ info }: { info: WorkspaceInfo }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const update = useMutation({ ...trpc.system.workspace.updateSettings.mutationOptions(), meta: { handledErrors: ['CONFLICT'] } });
  const [version, setVersion] = useState(info.settingsVersion);
  const [conflicted, setConflicted] = useState(false);
  const { register, handleSubmit, formState, reset } = useForm<DefaultsValues>({
    resolver: zodResolver(defaultsSchema) as any,
    defaultValues: { locale: info.locale, currency: info.currency },
  });

  const submit = handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({ version, locale: values.locale, currency: values.currency });
      setVersion(saved.settingsVersion);
      setConflicted(false);
      reset({ locale: saved.locale, currency: saved.currency });
      showToast({ tone: 'success', message: { key: 'settings.saved' } });
    } catch (error) {
      const rapport = rapportErrorOf(error);
      const current = rapport?.code === 'CONFLICT' ? (rapport.current as { version: number } & DefaultsValues | undefined) : undefined;
      if (!current) throw error;
      setVersion(current.version);
      setConflicted(true);
      reset({ locale: current.locale, currency: current.currency });
    }
  });

  return (
    <section className="card" aria-labelledby="settings-workspace-defaults">
      <h2 id="settings-workspace-defaults" className="card__title">
        {t('settings.workspaceDefaults')}
      </h2>
      <form onSubmit={(event) => void submit(event).catch(() => undefined)} noValidate>
        <div className="form-grid">
          <Field label={t('settings.defaultLocale')} error={formState.errors.locale}>
            {(control) => (
              <select className="select" {...control} {...register('locale')}>
                <LanguageOptions />
              </select>
            )}
          </Field>
          <Field label={t('settings.currency')} error={formState.errors.currency} hint={t('settings.currencyHint')}>
            {(control) => (
              <select className="select" {...control} {...register('currency')}>
                <CurrencyOptions first={[info.currency]} />
              </select>
            )}
          </Field>
        </div>
        {conflicted && (
          <p className="form-error" role="alert">
            {t('settings.conflict')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!formState.isDirty || formState.isSubmitting}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

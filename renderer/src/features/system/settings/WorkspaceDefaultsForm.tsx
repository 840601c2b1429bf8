import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LOCALES, settingsUpdate, type WorkspaceInfo } from '../../../../../db/contract/system';
import { currencyChoices } from '../../../app/currencies';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { Field } from '../../../app/ui/Field';
import { LANGUAGES } from '../../../i18n';

interface DefaultsValues {
  locale: (typeof LOCALES)[number];
  currency: string;
}

/** Workspace-wide defaults every PC opening this file starts from (locale, currency). */
export function WorkspaceDefaultsForm({ info }: { info: WorkspaceInfo }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  // The same list as the first run: every ISO currency, the workspace's own first.
  const currencies = useMemo(() => currencyChoices(i18n.language, [info.currency]), [i18n.language, info.currency]);
  const update = useMutation(trpc.system.workspace.updateSettings.mutationOptions());
  const { register, handleSubmit, formState, reset } = useForm<DefaultsValues>({
    resolver: zodResolver(settingsUpdate) as any,
    defaultValues: { locale: info.locale, currency: info.currency },
  });

  const submit = handleSubmit(async (values) => {
    const saved = await update.mutateAsync({ locale: values.locale, currency: values.currency });
    reset({ locale: saved.locale, currency: saved.currency });
    showToast({ tone: 'success', message: { key: 'settings.saved' } });
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
                {LANGUAGES.map((language) => (
                  <option key={language.code} value={language.code}>
                    {language.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('settings.currency')} error={formState.errors.currency} hint={t('settings.currencyHint')}>
            {(control) => (
              <select className="select" {...control} {...register('currency')}>
                {currencies.map((currency) => (
                  <option key={currency.code} value={currency.code}>
                    {currency.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!formState.isDirty || formState.isSubmitting}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

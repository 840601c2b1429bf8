import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LOCALES, settingsUpdate, type WorkspaceInfo } from '../../../../../db/contract/system';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { CurrencyOptions } from '../../../app/ui/CurrencyOptions';
import { Field } from '../../../app/ui/Field';
import { LanguageOptions } from '../../../app/ui/LanguageOptions';

interface DefaultsValues {
  locale: (typeof LOCALES)[number];
  currency: string;
}

/** Workspace-wide defaults every PC opening this file starts from (locale, currency). */
export function WorkspaceDefaultsForm({ info }: { info: WorkspaceInfo }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
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
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!formState.isDirty || formState.isSubmitting}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

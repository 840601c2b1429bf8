import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LOCALES, settingsUpdate, type WorkspaceInfo } from '../../../../../db/contract/system';
import { useMergingSave } from '../../../app/merge/use-merging-save';
import { LANGUAGES } from '../../../i18n';
import { useTRPC } from '../../../app/trpc';
import { CurrencyOptions } from '../../../app/ui/CurrencyOptions';
import { Field } from '../../../app/ui/Field';
import { LanguageOptions } from '../../../app/ui/LanguageOptions';

/** The form edits the values; the version it read is kept beside them and sent with the save. */
const defaultsSchema = settingsUpdate.omit({ version: true });

interface DefaultsValues extends Record<string, unknown> {
  locale: (typeof LOCALES)[number];
  currency: string;
}

/** The settings as a versioned record: what the form loaded, and what a CONFLICT carries. */
type DefaultsRow = DefaultsValues & { version: number };

/**
 * Workspace-wide defaults every PC opening this file starts from (locale, currency). A save after
 * someone else's merges field by field (useMergingSave): their change to the other field stays.
 */
export function WorkspaceDefaultsForm({ info }: { info: WorkspaceInfo }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const update = useMutation({ ...trpc.system.workspace.updateSettings.mutationOptions(), meta: { handledErrors: ['CONFLICT'] } });
  const [loaded, setLoaded] = useState<DefaultsRow>({ version: info.settingsVersion, locale: info.locale, currency: info.currency });
  const { register, handleSubmit, formState, reset } = useForm<DefaultsValues>({
    resolver: zodResolver(defaultsSchema) as any,
    defaultValues: { locale: info.locale, currency: info.currency },
  });
  // The version the last write produced: the next save names it.
  const savedVersion = useRef<number | null>(null);
  const merging = useMergingSave<DefaultsRow, DefaultsValues>({
    toInput: (row) => ({ locale: row.locale, currency: row.currency }),
    update: async (version, patch) => {
      const saved = await update.mutateAsync({ version, ...patch });
      savedVersion.current = saved.settingsVersion;
    },
    titles: { merge: t('settings.mergeTitle'), deleted: t('settings.mergeTitle') },
    label: ({ unit }) => (unit === 'locale' ? t('settings.defaultLocale') : t('settings.currency')),
    describe: ({ unit }, values) => (unit === 'locale' ? (LANGUAGES.find((language) => language.code === values.locale)?.label ?? values.locale) : values.currency),
    titleOf: () => t('settings.workspaceDefaults'),
    savedToast: () => ({ key: 'settings.saved' }),
    // The form now reads the saved (or merged, or their) values, and the next save starts from them.
    onDone: (now) => {
      if (savedVersion.current !== null) setLoaded({ version: savedVersion.current, ...now });
      savedVersion.current = null;
      reset(now);
    },
  });

  const submit = handleSubmit(async (values) => {
    await merging.save(loaded, { locale: values.locale, currency: values.currency });
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
      {merging.dialog}
    </section>
  );
}

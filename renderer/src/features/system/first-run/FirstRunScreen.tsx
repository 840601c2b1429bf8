import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { currencyCode } from '../../../../../db/contract/money';
import { LOCALES, type Locale } from '../../../../../db/contract/system';
import { setServerErrors } from '../../../app/form-server-errors';
import { navigate } from '../../../app/router';
import { useTRPC } from '../../../app/trpc';
import { CurrencyOptions } from '../../../app/ui/CurrencyOptions';
import { Field } from '../../../app/ui/Field';
import { LanguageOptions } from '../../../app/ui/LanguageOptions';
import { useDocumentTitle } from '../../../app/use-document-title';
import { changeLanguage, LANGUAGES } from '../../../i18n';
import { WelcomeCard } from '../../../app/ui/WelcomeCard';
import { defaultCurrency, defaultWorkspaceLocale } from './first-run-defaults';

/** The contract's fields, except that an empty owner name is allowed here: it becomes "Owner" / "店主". */
const setupFields = z.object({ locale: z.enum(LOCALES), currency: currencyCode, ownerName: z.string().trim().max(100) });
const SETUP_FIELDS = ['locale', 'currency', 'ownerName'] as const;

interface SetupValues {
  locale: Locale;
  currency: string;
  ownerName: string;
}

function systemLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * Shown once on a new workspace: the shop's language, currency and owner, then start with nothing
 * or with sample data. What is created here (pipeline, stages, owner, samples) is in that language.
 */
export function FirstRunScreen() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useDocumentTitle(t('firstRun.title'));
  const initial = useMemo(() => {
    const languages = systemLanguages();
    const currency = defaultCurrency(languages);
    return { locale: defaultWorkspaceLocale(languages), currency, likely: [...new Set([currency, 'CNY', 'USD', 'EUR', 'HKD', 'GBP'])] };
  }, []);
  const form = useForm<SetupValues>({
    resolver: zodResolver(setupFields) as never,
    mode: 'onTouched',
    // The interface already speaks the language this PC chose before, or the system's.
    defaultValues: { locale: LANGUAGES.some((entry) => entry.code === i18n.language) ? (i18n.language as Locale) : initial.locale, currency: initial.currency, ownerName: '' },
  });
  const firstRun = useMutation({
    ...trpc.system.workspace.firstRun.mutationOptions(),
    meta: { handledErrors: ['VALIDATION'] },
    onSuccess: (info) => {
      queryClient.setQueryData(trpc.system.workspace.info.queryKey(), info);
      navigate('/contacts', { replace: true });
    },
    onError: (error) => setServerErrors(error, form.setError, (path) => SETUP_FIELDS.find((field) => field === path)),
  });
  const choice = firstRun.isPending ? firstRun.variables?.sampleData : undefined;
  const start = (sampleData: boolean) =>
    void form.handleSubmit((values) => firstRun.mutate({ sampleData, ...values, ownerName: values.ownerName.trim() || t('firstRun.ownerDefault') }))();

  // The interface follows the language picked for the workspace, so the screen reads as it will.
  const language = form.register('locale', { onChange: (event) => changeLanguage(event.target.value as Locale) });

  return (
    <WelcomeCard title={t('firstRun.title')} lead={t('firstRun.lead')}>
        <form className="first-run__setup" aria-label={t('firstRun.setup')} noValidate onSubmit={(event) => event.preventDefault()}>
          <Field label={t('firstRun.language')} hint={t('firstRun.languageHint')} error={form.formState.errors.locale}>
            {(control) => (
              <select className="select" {...control} {...language}>
                <LanguageOptions />
              </select>
            )}
          </Field>
          <Field label={t('firstRun.currency')} hint={t('firstRun.currencyHint')} error={form.formState.errors.currency}>
            {(control) => (
              <select className="select" {...control} {...form.register('currency')}>
                <CurrencyOptions first={initial.likely} />
              </select>
            )}
          </Field>
          <Field label={t('firstRun.ownerName')} hint={t('firstRun.ownerNameHint')} error={form.formState.errors.ownerName}>
            {(control) => <input className="input" autoComplete="name" placeholder={t('firstRun.ownerDefault')} maxLength={100} {...control} {...form.register('ownerName')} />}
          </Field>
        </form>
        <div className="first-run__choices">
          <button type="button" className="choice" onClick={() => start(false)} disabled={firstRun.isPending}>
            <span className="choice__title">{choice === false ? t('firstRun.preparing') : t('firstRun.startEmpty')}</span>
            <span className="choice__text">{t('firstRun.startEmptyText')}</span>
          </button>
          <button type="button" className="choice choice--primary" onClick={() => start(true)} disabled={firstRun.isPending}>
            <span className="choice__title">{choice === true ? t('firstRun.loadingSample') : t('firstRun.loadSample')}</span>
            <span className="choice__text">{t('firstRun.loadSampleText')}</span>
          </button>
        </div>
        <p className="first-run__hint">{t('firstRun.hint')}</p>
    </WelcomeCard>
  );
}

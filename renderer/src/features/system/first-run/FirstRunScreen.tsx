import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { navigate } from '../../../app/router';
import { ThemeToggle } from '../../../app/ThemeToggle';
import { useTRPC } from '../../../app/trpc';

/** Shown once on a new workspace: start with nothing, or with a few hundred sample records. */
export function FirstRunScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const firstRun = useMutation({
    ...trpc.system.workspace.firstRun.mutationOptions(),
    onSuccess: (info) => {
      queryClient.setQueryData(trpc.system.workspace.info.queryKey(), info);
      navigate('/contacts', { replace: true });
    },
  });
  const choice = firstRun.isPending ? firstRun.variables?.sampleData : undefined;

  return (
    <main className="first-run">
      <div className="first-run__controls">
        <ThemeToggle />
        <LanguageSwitch />
      </div>
      <div className="first-run__card">
        <span className="first-run__logo" aria-hidden="true">
          R
        </span>
        <h1 className="first-run__title">{t('firstRun.title')}</h1>
        <p className="first-run__lead">{t('firstRun.lead')}</p>
        <div className="first-run__choices">
          <button type="button" className="choice" onClick={() => firstRun.mutate({ sampleData: false })} disabled={firstRun.isPending}>
            <span className="choice__title">{choice === false ? t('firstRun.preparing') : t('firstRun.startEmpty')}</span>
            <span className="choice__text">{t('firstRun.startEmptyText')}</span>
          </button>
          <button type="button" className="choice choice--primary" onClick={() => firstRun.mutate({ sampleData: true })} disabled={firstRun.isPending}>
            <span className="choice__title">{choice === true ? t('firstRun.loadingSample') : t('firstRun.loadSample')}</span>
            <span className="choice__text">{t('firstRun.loadSampleText')}</span>
          </button>
        </div>
        <p className="first-run__hint">{t('firstRun.hint')}</p>
      </div>
    </main>
  );
}

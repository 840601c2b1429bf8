import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstRunScreen } from '../features/system/first-run/FirstRunScreen';
import { SignInScreen } from '../features/system/staff/SignInScreen';
import { applyWorkspaceLocale } from '../i18n';
import { AppShell } from './AppShell';
import { errorCodeOf, errorMessageKey } from './errors';
import { onDatabaseChangedElsewhere } from './host-client';
import { OpenFromAddressPage } from './OpenFromAddressPage';
import { useTRPC } from './trpc';
import { LoadingState } from './ui/LoadingState';

/** Decides what the user sees first: a loading screen, the first-run choice, "Who are you?", or the app. */
export function WorkspaceGate() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const info = useQuery({ ...trpc.system.workspace.info.queryOptions(), meta: { silent: true } });

  // Before first run the file's locale is only a placeholder: the first-run screen asks for it.
  useEffect(() => {
    if (info.data?.initialized) applyWorkspaceLocale(info.data.locale);
  }, [info.data]);

  // Settings in another tab opened another database: this tab's data belongs to the old file.
  useEffect(() => onDatabaseChangedElsewhere(() => window.location.reload()), []);

  if (info.isPending) {
    return (
      <div className="splash">
        <LoadingState label={t('workspace.opening')} />
      </div>
    );
  }
  if (info.isError) {
    const code = errorCodeOf(info.error);
    // No launch token, or one from an earlier start: retrying cannot help, the address can.
    if (code === 'UNAUTHORIZED') return <OpenFromAddressPage />;
    return (
      <main className="splash">
        <div className="splash__card" role="alert">
          <h1>{t('workspace.cannotOpen')}</h1>
          <p>{t(errorMessageKey(code))}</p>
          <button type="button" className="button" onClick={() => void info.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      </main>
    );
  }
  if (!info.data.initialized) return <FirstRunScreen />;
  // Several staff (or a PIN): this connection works as nobody until someone says who they are.
  if (!info.data.currentUser) return <SignInScreen info={info.data} />;
  return <AppShell workspace={info.data} />;
}

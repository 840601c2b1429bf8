import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../app/trpc';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { AboutDatabase } from './AboutDatabase';
import { AppearanceSettings } from './AppearanceSettings';
import { DatabaseSettings } from './DatabaseSettings';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { WorkspaceDefaultsForm } from './WorkspaceDefaultsForm';
import { useDocumentTitle } from '../../../app/use-document-title';

/** What a shop owner adjusts first, then the database in plain words; technical facts last (About). */
export function SettingsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  useDocumentTitle(t('settings.title'));
  const info = useQuery(trpc.system.workspace.info.queryOptions());
  return (
    <div className="record-page record-page--narrow">
      <PageHeader title={t('settings.title')} />
      <AppearanceSettings />
      {info.data ? (
        <>
          <DatabaseSettings info={info.data} />
          <WorkspaceDefaultsForm info={info.data} />
        </>
      ) : (
        <LoadingState />
      )}
      <KeyboardShortcuts />
      {info.data ? <AboutDatabase info={info.data} /> : null}
    </div>
  );
}

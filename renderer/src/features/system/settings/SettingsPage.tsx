import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../app/trpc';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { AppearanceSettings } from './AppearanceSettings';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { WorkspaceDefaultsForm } from './WorkspaceDefaultsForm';
import { WorkspaceDetails } from './WorkspaceDetails';
import { useDocumentTitle } from '../../../app/use-document-title';

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
          <WorkspaceDefaultsForm info={info.data} />
          <WorkspaceDetails info={info.data} />
        </>
      ) : (
        <LoadingState />
      )}
      <KeyboardShortcuts />
    </div>
  );
}

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
import { StaffSettings } from '../staff/StaffSettings';
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
          {/* Staff and workspace defaults are managers' and owners' to change; the core refuses the others. */}
          {info.data.currentUser?.role === 'owner' || info.data.currentUser?.role === 'manager' ? (
            <>
              <WorkspaceDefaultsForm info={info.data} />
              <StaffSettings currentUser={info.data.currentUser} />
            </>
          ) : null}
        </>
      ) : (
        <LoadingState />
      )}
      <KeyboardShortcuts />
      {info.data ? <AboutDatabase info={info.data} /> : null}
    </div>
  );
}

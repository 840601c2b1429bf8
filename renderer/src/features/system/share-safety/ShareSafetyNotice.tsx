import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceInfo } from '../../../../../db/contract/system';
import { fetchHostCapabilities, hostKind, openDatabaseInHost } from '../../../app/host-client';
import { useTRPC } from '../../../app/trpc';
import { ShareSafetyBanner } from './ShareSafetyBanner';

/** The core checks the locks on every heartbeat (30 s); a shared file's state is looked at as often. */
export const SHARE_SAFETY_POLL_MS = 15_000;

/**
 * The banner, fed by the workspace info and polled while the file is shared, so a switch to
 * read-only found by a heartbeat shows without any action. "Open it on this PC only" reopens the
 * file through the browser host; in Electron the menu does it, and host mode is wired at merge.
 */
export function ShareSafetyNotice({ workspace, onUseHostMode }: { workspace: WorkspaceInfo; onUseHostMode?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const info = useQuery({
    ...trpc.system.workspace.info.queryOptions(),
    initialData: workspace,
    refetchInterval: workspace.shared ? SHARE_SAFETY_POLL_MS : false,
    meta: { silent: true },
  });
  const [canReopen, setCanReopen] = useState(false);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | undefined>();

  useEffect(() => {
    if (hostKind() !== 'browser') return;
    let stopped = false;
    void fetchHostCapabilities().then((capabilities) => !stopped && setCanReopen(capabilities.openDatabase));
    return () => {
      stopped = true;
    };
  }, []);

  const safety = info.data?.shareSafety;
  if (!safety?.readOnly) return null;

  async function openOnThisPcOnly() {
    setOpening(true);
    setOpenError(undefined);
    const outcome = await openDatabaseInHost({ path: info.data.path, create: false, onThisPcOnly: true });
    if (outcome.ok) {
      window.location.reload();
      return;
    }
    setOpening(false);
    setOpenError(t(`settingsSwitch.errors.${outcome.error.code}`, { message: outcome.error.message, file: info.data.path }));
  }

  return (
    <ShareSafetyBanner
      safety={safety}
      onOpenOnThisPcOnly={canReopen ? () => void openOnThisPcOnly() : undefined}
      onUseHostMode={onUseHostMode}
      opening={opening}
      openError={openError}
    />
  );
}

import { useEffect, useState } from 'react';
import type { WorkspaceInfo } from '../../../db/contract/system';
import { CommandPalette } from '../features/system/command-palette/CommandPalette';
import { ShareSafetyNotice } from '../features/system/share-safety/ShareSafetyNotice';
import { ReminderNotices } from '../features/work/reminders/ReminderNotices';
import { AppRoutes } from './AppRoutes';
import { ChangeFeedPoller } from './ChangeFeedPoller';
import { useRoute } from './router';
import { Sidebar } from './Sidebar';

export function AppShell({ workspace }: { workspace: WorkspaceInfo }) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const route = useRoute();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [route.path]);

  return (
    <div className="app-shell">
      <Sidebar workspace={workspace} onOpenPalette={() => setPaletteOpen(true)} />
      <main className="app-main" id="main">
        {/* In the page's flow above its header, so a reminder never covers the page's own actions. */}
        <ShareSafetyNotice workspace={workspace} />
        <ReminderNotices />
        <AppRoutes />
      </main>
      {paletteOpen ? <CommandPalette onClose={() => setPaletteOpen(false)} /> : null}
      <ChangeFeedPoller />
    </div>
  );
}

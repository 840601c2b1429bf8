import { useCanWrite } from '../../../app/use-can-write';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityChannel } from '../../../../../db/contract/work';
import { Icon } from '../../../app/ui/Icon';
import { useKeyboardShortcuts } from '../../../app/use-shortcuts';
import { useStoredState } from '../../../app/use-stored-state';
import type { ActivityLinks } from './activity-form-values';
import { LogActivityDialog } from './LogActivityDialog';

/**
 * "Log activity" and "Log call" for a record, also on the keyboard: L logs any activity (starting
 * from the channel this user chose last time), C a call — when the user is not typing in a field.
 */
export function LogActivityButtons({ links, recordName, shortcuts = true }: { links: ActivityLinks; recordName: string; shortcuts?: boolean }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const [open, setOpen] = useState<'activity' | 'call' | null>(null);
  const [lastChannel, setLastChannel] = useStoredState<ActivityChannel>('rapport.activity.lastChannel', 'meeting');
  useKeyboardShortcuts({ l: () => setOpen('activity'), c: () => setOpen('call') }, shortcuts && open === null && canWrite);
  // Read-only users log nothing.
  if (!canWrite) return null;
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen('call')} aria-keyshortcuts="C">
        <Icon name="phone" />
        <span>{t('activity.logCall')}</span>
        <kbd aria-hidden="true">C</kbd>
      </button>
      <button type="button" className="button button--small" onClick={() => setOpen('activity')} aria-keyshortcuts="L">
        <Icon name="activity" />
        <span>{t('activity.logActivity')}</span>
        <kbd aria-hidden="true">L</kbd>
      </button>
      {open ? (
        <LogActivityDialog
          links={links}
          recordName={recordName}
          channel={open === 'call' ? 'call' : lastChannel}
          onClose={() => setOpen(null)}
          onLogged={open === 'activity' ? setLastChannel : undefined}
        />
      ) : null}
    </>
  );
}

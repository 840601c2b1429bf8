import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '../../../../../db/contract/record-kinds';
import { Icon } from '../../../app/ui/Icon';
import { Modal } from '../../../app/ui/Modal';
import { HistoryPanel } from './HistoryPanel';

/** For records shown inside others (a note, a task, a product row): their history in a dialog. */
export function HistoryButton({ kind, id, name, labelled = false }: { kind: RecordKind; id: number; name: string; labelled?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      {labelled ? (
        <button type="button" className="button button--ghost button--small" aria-label={t('history.openNamed', { name })} onClick={() => setOpen(true)}>
          <Icon name="history" size={14} />
          {t('history.title')}
        </button>
      ) : (
        <button type="button" className="icon-button icon-button--small" aria-label={t('history.openNamed', { name })} title={t('history.title')} onClick={() => setOpen(true)}>
          <Icon name="history" />
        </button>
      )}
      {open ? (
        <Modal title={t('history.titleNamed', { name })} onDismiss={() => setOpen(false)}>
          <HistoryPanel kind={kind} id={id} inDialog />
        </Modal>
      ) : null}
    </>
  );
}

import { useCanWrite } from '../../../app/use-can-write';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RecordRef } from '../../../../../db/contract/people';
import { useTRPC } from '../../../app/trpc';
import { LoadingState } from '../../../app/ui/LoadingState';
import { NoteComposer } from './NoteComposer';
import { NoteItem } from './NoteItem';

export function NotesPanel({ target }: { target: RecordRef }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const notes = useQuery(trpc.people.notes.list.queryOptions(target));
  const titleId = `notes-title-${target.kind}-${target.id}`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('notes.title')}
        {notes.data && notes.data.length > 0 ? <span className="card__count">{notes.data.length}</span> : null}
      </h2>
      {canWrite ? <NoteComposer target={target} /> : null}
      {notes.isPending ? <LoadingState /> : null}
      {notes.data && notes.data.length === 0 ? <p className="muted">{t('notes.none')}</p> : null}
      {notes.data && notes.data.length > 0 ? (
        <ul className="notes" aria-label={t('notes.list')}>
          {notes.data.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

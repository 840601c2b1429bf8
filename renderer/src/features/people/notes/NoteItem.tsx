import { useCanWrite } from '../../../app/use-can-write';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../../db/contract/people';
import { errorCodeOf } from '../../../app/errors';
import { refreshAfterWrite } from '../../../app/live-refresh/live-refresh';
import { showErrorToast } from '../../../app/show-error-toast';
import { showToast } from '../../../app/toast-store';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { RecordRowActions } from '../../system/history/RecordRowActions';
import { useFormatters } from '../../../app/use-formatters';

export function NoteItem({ note }: { note: Note }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const [draft, setDraft] = useState<string | null>(null);
  const update = useMutation({ ...trpc.people.notes.update.mutationOptions(), meta: { handledErrors: ['CONFLICT'] } });
  const remove = useMutation(trpc.people.notes.remove.mutationOptions());

  async function save() {
    if (draft === null || !draft.trim()) return;
    try {
      await update.mutateAsync({ id: note.id, version: note.version, body: draft });
      setDraft(null);
    } catch (error) {
      if (errorCodeOf(error) === 'CONFLICT') {
        // The refused save already caught up with the change feed, which brings the newer note.
        showToast({ tone: 'error', message: { key: 'notes.conflict' } });
      }
    }
  }

  async function moveToTrash() {
    await remove.mutateAsync({ id: note.id, version: note.version });
    showToast({
      message: { key: 'notes.deleted' },
      action: {
        label: { key: 'common.undo' },
        run: () =>
          void client.system.trash.restore
            .mutate({ kind: 'note', id: note.id })
            .then(() => refreshAfterWrite(queryClient))
            .catch(showErrorToast),
      },
    });
  }

  const edited = note.updatedAt !== note.createdAt;
  return (
    <li className="note">
      <div className="note__meta">
        <span className="note__author">{note.authorName ?? t('notes.unknownAuthor')}</span>
        <time dateTime={new Date(note.createdAt).toISOString()} title={format.dateTime(note.createdAt)}>
          {format.relative(note.createdAt)}
        </time>
        {edited ? <span className="muted">{t('notes.edited')}</span> : null}
        {draft === null ? (
          <RecordRowActions
            kind="note"
            id={note.id}
            name={note.body.slice(0, 40)}
            className="note__actions"
            canWrite={canWrite}
            onEdit={() => setDraft(note.body)}
            onDelete={() => void moveToTrash().catch(() => undefined)}
            deleting={remove.isPending}
            editLabel={t('notes.editNote')}
            deleteLabel={t('notes.deleteNote')}
          />
        ) : null}
      </div>
      {draft === null ? (
        <p className="note__body">{note.body}</p>
      ) : (
        <form
          className="note-composer"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <textarea
            className="textarea"
            aria-label={t('notes.editNote')}
            value={draft}
            rows={3}
            autoFocus
            maxLength={20_000}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setDraft(null);
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save();
              }
            }}
          />
          <div className="note-composer__actions">
            <button type="button" className="button button--small" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary button--small" disabled={!draft.trim() || update.isPending}>
              {t('common.save')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

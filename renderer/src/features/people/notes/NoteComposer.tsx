import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noteCreate, type RecordRef } from '../../../../../db/contract/people';
import { useTRPC } from '../../../app/trpc';

export function NoteComposer({ target }: { target: RecordRef }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [body, setBody] = useState('');
  const create = useMutation(trpc.people.notes.create.mutationOptions());
  const valid = noteCreate.shape.body.safeParse(body).success;

  async function add() {
    if (!valid) return;
    await create.mutateAsync({ target, body });
    setBody('');
  }

  return (
    <form
      className="note-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void add().catch(() => undefined);
      }}
    >
      <textarea
        className="textarea"
        aria-label={t('notes.new')}
        placeholder={t('notes.placeholder')}
        rows={2}
        value={body}
        maxLength={20_000}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void add().catch(() => undefined);
          }
        }}
      />
      <div className="note-composer__actions">
        <span className="field__hint">{t('notes.shortcutHint')}</span>
        <button type="submit" className="button button--primary button--small" disabled={!valid || create.isPending}>
          {t('notes.add')}
        </button>
      </div>
    </form>
  );
}

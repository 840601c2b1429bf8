import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { Modal } from '../../../app/ui/Modal';
import { colorForTagName } from './tag-colors';

/** Add a tag to (or remove it from) every selected record, in one all-or-nothing write. */
export function BulkTagDialog({ kind, ids, onDone, onCancel }: { kind: 'contact' | 'company'; ids: number[]; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const tags = useQuery(trpc.people.tags.list.queryOptions());
  const [tagId, setTagId] = useState('');
  const [newTagName, setNewTagName] = useState('');
  const [mode, setMode] = useState<'add' | 'remove'>('add');
  const bulkTag = useMutation(trpc.people.bulk.tag.mutationOptions());
  const createTag = useMutation({ ...trpc.people.tags.create.mutationOptions(), meta: { skipInvalidate: true } });
  const busy = bulkTag.isPending || createTag.isPending;
  const creating = tagId === 'new';
  const canApply = creating ? newTagName.trim().length > 0 && mode === 'add' : tagId !== '';

  async function apply() {
    let id = Number(tagId);
    let name = tags.data?.find((tag) => tag.id === id)?.name ?? '';
    if (creating) {
      const created = await createTag.mutateAsync({ name: newTagName.trim(), color: colorForTagName(newTagName.trim()) });
      id = created.id;
      name = created.name;
    }
    const result = await bulkTag.mutateAsync({ kind, ids, tagId: id, add: mode === 'add' });
    showToast({
      tone: 'success',
      message: { key: mode === 'add' ? 'bulk.tagAdded' : 'bulk.tagRemoved', values: { tag: name, count: result.count } },
    });
    onDone();
  }

  return (
    <Modal
      title={t('bulk.tagTitle', { count: ids.length })}
      onDismiss={onCancel}
      busy={busy}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void apply().catch(() => undefined)} disabled={!canApply || busy}>
            {t(mode === 'add' ? 'bulk.addTag' : 'bulk.removeTag')}
          </button>
        </>
      }
    >
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('bulk.tagMode')}</legend>
        <label className="segmented__option">
          <input type="radio" name="bulk-tag-mode" value="add" checked={mode === 'add'} onChange={() => setMode('add')} />
          <span>{t('bulk.addTag')}</span>
        </label>
        <label className="segmented__option">
          <input type="radio" name="bulk-tag-mode" value="remove" checked={mode === 'remove'} onChange={() => setMode('remove')} />
          <span>{t('bulk.removeTag')}</span>
        </label>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor="bulk-tag-select">
          {t('bulk.tag')}
        </label>
        <select id="bulk-tag-select" className="select" value={tagId} onChange={(event) => setTagId(event.target.value)}>
          <option value="">{t('bulk.chooseTag')}</option>
          {(tags.data ?? []).map((tag) => (
            <option key={tag.id} value={String(tag.id)}>
              {tag.name}
            </option>
          ))}
          {mode === 'add' ? <option value="new">{t('bulk.newTag')}</option> : null}
        </select>
      </div>
      {creating ? (
        <div className="field">
          <label className="field__label" htmlFor="bulk-tag-new-name">
            {t('bulk.newTagName')}
          </label>
          <input id="bulk-tag-new-name" className="input" value={newTagName} maxLength={50} onChange={(event) => setNewTagName(event.target.value)} />
        </div>
      ) : null}
    </Modal>
  );
}

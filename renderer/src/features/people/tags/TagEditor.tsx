import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagRef } from '../../../../../db/contract/people';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { colorForTagName } from './tag-colors';
import { TagChip } from './TagChip';

interface TagOption {
  key: string;
  label: string;
  tag: TagRef | null;
  createName?: string;
}

/** The tags of one record: remove with ×, add from existing tags or create a new one inline. */
export function TagEditor({ kind, recordId, recordName, tags, readOnly }: { kind: 'contact' | 'company'; recordId: number; recordName: string; tags: TagRef[]; readOnly?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const listboxId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const allTags = useQuery(trpc.people.tags.list.queryOptions());
  const bulkTag = useMutation(trpc.people.bulk.tag.mutationOptions());
  const createTag = useMutation({ ...trpc.people.tags.create.mutationOptions(), meta: { skipInvalidate: true } });
  const busy = bulkTag.isPending || createTag.isPending;

  const options = useMemo<TagOption[]>(() => {
    const query = text.trim().toLocaleLowerCase();
    const assigned = new Set(tags.map((tag) => tag.id));
    const available = (allTags.data ?? []).filter((tag) => !assigned.has(tag.id));
    const matching = available.filter((tag) => tag.name.toLocaleLowerCase().includes(query)).slice(0, 8);
    const result: TagOption[] = matching.map((tag) => ({ key: `tag-${tag.id}`, label: tag.name, tag }));
    const exact = (allTags.data ?? []).some((tag) => tag.name.toLocaleLowerCase() === query);
    if (query && !exact) result.push({ key: 'create', label: t('tags.createNamed', { name: text.trim() }), tag: null, createName: text.trim() });
    return result;
  }, [allTags.data, tags, text, t]);

  async function addTag(option: TagOption) {
    let tag = option.tag;
    if (!tag && option.createName) tag = await createTag.mutateAsync({ name: option.createName, color: colorForTagName(option.createName) });
    if (!tag) return;
    await bulkTag.mutateAsync({ kind, ids: [recordId], tagId: tag.id, add: true });
    setText('');
    setActiveIndex(0);
    showToast({ tone: 'success', message: { key: 'tags.added', values: { tag: tag.name, name: recordName } } });
  }

  async function removeTag(tag: TagRef) {
    await bulkTag.mutateAsync({ kind, ids: [recordId], tagId: tag.id, add: false });
    showToast({ tone: 'success', message: { key: 'tags.removed', values: { tag: tag.name, name: recordName } } });
  }

  const showList = open && options.length > 0 && !readOnly;
  const active = options[Math.min(activeIndex, options.length - 1)];

  return (
    <div className="tag-editor">
      {tags.length === 0 ? <p className="muted">{t('tags.none')}</p> : null}
      <ul className="tag-editor__list" aria-label={t('tags.assigned')}>
        {tags.map((tag) => (
          <li key={tag.id}>
            <TagChip tag={tag}>
              {readOnly ? null : (
                <button
                  type="button"
                  className="tag-chip__remove"
                  aria-label={t('tags.remove', { tag: tag.name })}
                  onClick={() => void removeTag(tag).catch(() => undefined)}
                  disabled={busy}
                >
                  <Icon name="close" size={10} />
                </button>
              )}
            </TagChip>
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <div className="combobox">
          <input
            className="input input--small"
            role="combobox"
            aria-label={t('tags.add')}
            aria-expanded={showList}
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={showList && active ? `${listboxId}-${active.key}` : undefined}
            placeholder={t('tags.addPlaceholder')}
            value={text}
            disabled={busy}
            onChange={(event) => {
              setText(event.target.value);
              setActiveIndex(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                setOpen(true);
                setActiveIndex((index) => Math.min(index + 1, options.length - 1));
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                setActiveIndex((index) => Math.max(index - 1, 0));
              } else if (event.key === 'Enter') {
                event.preventDefault();
                if (active && text.trim()) void addTag(active).catch(() => undefined);
              } else if (event.key === 'Escape') {
                setOpen(false);
              }
            }}
          />
          {showList ? (
            <ul id={listboxId} role="listbox" aria-label={t('tags.suggestions')} className="combobox__list">
              {options.map((option, index) => (
                <li
                  key={option.key}
                  id={`${listboxId}-${option.key}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  className={`combobox__option${index === activeIndex ? ' combobox__option--active' : ''}`}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    void addTag(option).catch(() => undefined);
                  }}
                  onMouseEnter={() => setActiveIndex(index)}
                >
                  {option.tag ? <TagChip tag={option.tag} /> : <span className="combobox__create">{option.label}</span>}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </div>
  );
}

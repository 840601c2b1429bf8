import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGED_KINDS, kindName, recordPagePath, viewOf, type PagedKind } from '../../../app/record-kinds';
import { navigate } from '../../../app/router';
import { useTheme } from '../../../app/theme';
import { useTRPC } from '../../../app/trpc';
import { Icon, type IconName } from '../../../app/ui/Icon';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { SEARCH_KINDS, type SearchKind } from '../../../../../db/contract/record-kinds';
import { paletteCommands } from './palette-commands';

/** Searchable kinds with a page to open, in the order the palette groups them. */
type PaletteKind = Extract<SearchKind, PagedKind>;
const PALETTE_KINDS = SEARCH_KINDS.filter((kind): kind is PaletteKind => (PAGED_KINDS as readonly string[]).includes(kind));
const isPaletteKind = (kind: SearchKind): kind is PaletteKind => (PALETTE_KINDS as readonly SearchKind[]).includes(kind);

interface PaletteItem {
  key: string;
  group: PaletteKind | 'commands';
  title: string;
  subtitle: string | null;
  icon: IconName;
  run: () => void;
}

/**
 * Ctrl/Cmd+K: type to find contacts and companies (the core's search handles 1–2 characters and
 * Chinese), or a command; arrow keys move, Enter opens, Escape closes.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [theme] = useTheme();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputId = useId();
  const listboxId = useId();
  const [text, setText] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const query = useDebouncedValue(text.trim(), 120);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const hits = useQuery({
    ...trpc.system.search.queryOptions({ query, kinds: PALETTE_KINDS, limit: 15 }),
    enabled: query.length > 0,
    placeholderData: (previous) => previous,
    meta: { silent: true },
  });

  const items = useMemo<PaletteItem[]>(() => {
    const result: PaletteItem[] = [];
    if (query.length > 0) {
      const found: (PaletteItem & { group: PaletteKind })[] = [];
      for (const hit of hits.data ?? []) {
        const kind = hit.kind;
        if (!isPaletteKind(kind)) continue;
        found.push({
          key: `${kind}-${hit.id}`,
          group: kind,
          title: hit.title,
          subtitle: hit.subtitle,
          icon: viewOf(kind).icon,
          run: () => navigate(recordPagePath(kind, hit.id)),
        });
      }
      found.sort((a, b) => PALETTE_KINDS.indexOf(a.group) - PALETTE_KINDS.indexOf(b.group));
      result.push(...found);
    }
    const needle = text.trim().toLocaleLowerCase();
    for (const command of paletteCommands(theme, i18n.language)) {
      const label = t(command.labelKey);
      if (needle && !label.toLocaleLowerCase().includes(needle) && !command.keywords.includes(needle)) continue;
      result.push({ key: command.id, group: 'commands', title: label, subtitle: null, icon: 'command', run: command.run });
    }
    return result;
  }, [hits.data, query, text, theme, i18n.language, t]);

  const safeIndex = Math.min(activeIndex, Math.max(items.length - 1, 0));
  const active = items[safeIndex];

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [safeIndex, items]);

  function runItem(item: PaletteItem | undefined) {
    if (!item) return;
    onClose();
    item.run();
  }

  const searching = query.length > 0 && hits.isFetching && !hits.data;
  const stale = text.trim() !== query;
  let lastGroup: PaletteItem['group'] | null = null;

  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-label={t('palette.title')}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onMouseDown={(event) => {
        if (event.target === dialogRef.current) onClose();
      }}
    >
      <div className="palette__frame">
        <div className="palette__search">
          <Icon name="search" size={18} />
          <input
            id={inputId}
            className="palette__input"
            role="combobox"
            aria-label={t('palette.inputLabel')}
            aria-expanded={items.length > 0}
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={active ? `${listboxId}-${active.key}` : undefined}
            placeholder={t('palette.placeholder')}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActiveIndex(0);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                setActiveIndex((safeIndex + 1) % Math.max(items.length, 1));
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                setActiveIndex((safeIndex - 1 + items.length) % Math.max(items.length, 1));
              } else if (event.key === 'Enter') {
                event.preventDefault();
                if (!event.nativeEvent.isComposing) runItem(active);
              }
            }}
          />
          <kbd className="palette__esc" aria-hidden="true">
            Esc
          </kbd>
        </div>
        <ul id={listboxId} ref={listRef} role="listbox" aria-label={t('palette.results')} className={`palette__list${stale ? ' palette__list--stale' : ''}`}>
          {items.map((item, index) => {
            const header = item.group !== lastGroup ? (item.group === 'commands' ? t('palette.groups.commands') : kindName(t, item.group, 'many')) : null;
            lastGroup = item.group;
            return (
              <li key={item.key} role="presentation">
                {header ? (
                  <div className="palette__group" role="presentation" aria-hidden="true">
                    {header}
                  </div>
                ) : null}
                <div
                  id={`${listboxId}-${item.key}`}
                  role="option"
                  aria-selected={index === safeIndex}
                  className={`palette__item${index === safeIndex ? ' palette__item--active' : ''}`}
                  onMouseMove={() => setActiveIndex(index)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => runItem(item)}
                >
                  <Icon name={item.icon} />
                  <span className="palette__item-title">{item.title}</span>
                  {item.subtitle ? <span className="palette__item-subtitle">{item.subtitle}</span> : null}
                </div>
              </li>
            );
          })}
        </ul>
        {query.length > 0 && !searching && !stale && (hits.data ?? []).length === 0 ? (
          <p className="palette__empty" role="status">
            {t('palette.noResults', { query })}
          </p>
        ) : null}
        {searching ? (
          <p className="palette__empty" role="status">
            {t('common.searching')}
          </p>
        ) : null}
        <footer className="palette__footer" aria-hidden="true">
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd> {t('palette.hintMove')}
          </span>
          <span>
            <kbd>Enter</kbd> {t('palette.hintOpen')}
          </span>
          <span>
            <kbd>Esc</kbd> {t('palette.hintClose')}
          </span>
        </footer>
      </div>
    </dialog>
  );
}

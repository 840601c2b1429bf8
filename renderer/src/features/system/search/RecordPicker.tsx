import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchKind } from '../../../../../db/contract/record-kinds';
import { kindName } from '../../../app/record-kinds';
import { useTRPC } from '../../../app/trpc';
import { Combobox } from '../../../app/ui/Combobox';
import { useDebouncedValue } from '../../../app/use-debounced-value';

export type PickableKind = Exclude<SearchKind, 'note'>;

export interface RecordChoice {
  kind: PickableKind;
  id: number;
  name: string;
}

export interface RecordPickerProps {
  kinds: PickableKind[];
  value: RecordChoice | null;
  onChange: (value: RecordChoice | null) => void;
  /** Accessible name, unless the input is labelled by a <label for=id>. */
  label?: string;
  id?: string;
  placeholder?: string;
  compact?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  /** At most this many matches. */
  limit?: number;
  /** Search failures are shown as an error toast (by default the picker just finds nothing). */
  reportErrors?: boolean;
  /** The clear button's name, the suggestions' name and the no-match line, when not the generic ones. */
  texts?: { clear: string; suggestions: string; noMatches: string };
}

/**
 * Type to find a contact, company or deal with the core's search (substring, Chinese, one or two
 * characters); arrows move, Enter picks, Escape closes. The kind is shown beside each match.
 */
export function RecordPicker({ kinds, value, onChange, label, id, placeholder, compact, limit = 10, reportErrors = false, texts, ...aria }: RecordPickerProps) {
  const { t } = useTranslation();
  const { clear, suggestions, noMatches } = texts ?? { clear: t('recordPicker.clear'), suggestions: t('recordPicker.suggestions'), noMatches: t('recordPicker.noMatches') };
  const trpc = useTRPC();
  const [text, setText] = useState(value?.name ?? '');
  const [shownKey, setShownKey] = useState(value ? `${value.kind}-${value.id}` : null);
  const [open, setOpen] = useState(false);

  const valueKey = value ? `${value.kind}-${value.id}` : null;
  if (valueKey !== shownKey) {
    setShownKey(valueKey);
    setText(value?.name ?? '');
  }

  const query = useDebouncedValue(text.trim(), 150);
  const searching = open && query.length > 0 && query !== value?.name;
  const hits = useQuery({
    ...trpc.system.search.queryOptions({ query, kinds, limit }),
    enabled: searching,
    placeholderData: (previous) => previous,
    ...(reportErrors ? {} : { meta: { silent: true } }),
  });
  const options = searching ? (hits.data ?? []).filter((hit): hit is typeof hit & { kind: PickableKind } => (kinds as string[]).includes(hit.kind)) : [];
  const showList = open && searching;

  function choose(choice: RecordChoice | null) {
    onChange(choice);
    setShownKey(choice ? `${choice.kind}-${choice.id}` : null);
    setText(choice?.name ?? '');
    setOpen(false);
  }

  return (
    <Combobox
      id={id}
      label={label}
      placeholder={placeholder}
      className={`combobox${compact ? ' combobox--compact' : ''}`}
      inputClassName={compact ? 'input input--filter' : 'input'}
      {...aria}
      text={text}
      onTextChange={(next) => {
        setText(next);
        if (!next.trim() && value) onChange(null);
      }}
      onBlur={() => {
        if (!text.trim()) {
          if (value) choose(null);
        } else if (text !== value?.name) setText(value?.name ?? '');
      }}
      open={open}
      onOpenChange={setOpen}
      options={options}
      showList={showList}
      optionKey={(option) => `${option.kind}-${option.id}`}
      renderOption={(option) => (
        <>
          <span>{option.title}</span>
          {kinds.length > 1 ? <span className="badge badge--quiet">{kindName(t, option.kind)}</span> : null}
          {option.subtitle ? <span className="combobox__subtitle">{option.subtitle}</span> : null}
        </>
      )}
      onChoose={(option) => choose({ kind: option.kind, id: option.id, name: option.title })}
      listLabel={suggestions}
      emptyText={hits.isFetching ? t('common.searching') : noMatches}
      holdEnter
      clear={value ? { label: clear, onClear: () => choose(null) } : null}
    />
  );
}

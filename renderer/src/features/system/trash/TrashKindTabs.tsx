import { useTranslation } from 'react-i18next';
import { TRASH_KINDS, type TrashKind } from '../../../../../db/contract/record-kinds';
import { kindName } from '../../../app/record-kinds';

/** Filter the trash by kind; a radio group styled as tabs (arrow keys move between them). */
export function TrashKindTabs({ value, onChange }: { value: TrashKind | null; onChange: (kind: TrashKind | null) => void }) {
  const { t } = useTranslation();
  const options: { value: TrashKind | null; label: string }[] = [
    { value: null, label: t('trash.all') },
    ...TRASH_KINDS.map((kind) => ({ value: kind, label: kindName(t, kind, 'many') })),
  ];
  return (
    <fieldset className="segmented segmented--tabs">
      <legend className="visually-hidden">{t('trash.show')}</legend>
      {options.map((option) => (
        <label key={option.value ?? 'all'} className="segmented__option">
          <input type="radio" name="trash-kind" checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

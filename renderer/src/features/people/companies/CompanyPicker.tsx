import { useTranslation } from 'react-i18next';
import { RecordPicker, type PickableKind } from '../../system/search/RecordPicker';

export interface CompanyChoice {
  id: number;
  name: string;
}

export interface CompanyPickerProps {
  value: CompanyChoice | null;
  onChange: (value: CompanyChoice | null) => void;
  /** Accessible name, unless the input is labelled by a <label for=id>. */
  label?: string;
  id?: string;
  placeholder?: string;
  compact?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

const COMPANY_KIND: PickableKind[] = ['company'];

/** Type to find a company (the core's search: substring, Chinese, 1–2 characters), pick with arrows + Enter. */
export function CompanyPicker({ value, onChange, ...props }: CompanyPickerProps) {
  const { t } = useTranslation();
  return (
    <RecordPicker
      kinds={COMPANY_KIND}
      value={value ? { kind: 'company', id: value.id, name: value.name } : null}
      onChange={(choice) => onChange(choice ? { id: choice.id, name: choice.name } : null)}
      limit={8}
      reportErrors
      texts={{ clear: t('companyPicker.clear'), suggestions: t('companyPicker.suggestions'), noMatches: t('companyPicker.noMatches') }}
      {...props}
    />
  );
}

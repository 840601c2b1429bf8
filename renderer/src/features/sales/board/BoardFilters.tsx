import { useTranslation } from 'react-i18next';
import { OwnerSelect } from '../../people/shared/OwnerSelect';
import { MonthPicker } from '../../../app/ui/MonthPicker';

export interface DealFilterValues {
  ownerId: number | null;
  /** YYYY-MM, or '' for any month. */
  closeMonth: string;
}

export const NO_DEAL_FILTERS: DealFilterValues = { ownerId: null, closeMonth: '' };

/** Owner and expected-close month, shared by the board and the deals list. */
export function BoardFilters({ value, onChange, showClear = true }: { value: DealFilterValues; onChange: (value: DealFilterValues) => void; showClear?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <OwnerSelect
        aria-label={t('filters.owner')}
        emptyLabel={t('filters.anyOwner')}
        value={value.ownerId ? String(value.ownerId) : ''}
        onChange={(event) => onChange({ ...value, ownerId: event.target.value ? Number(event.target.value) : null })}
      />
      <MonthPicker label={t('board.closeMonth')} hideLabel emptyLabel={t('board.anyMonth')} value={value.closeMonth} onChange={(closeMonth) => onChange({ ...value, closeMonth })} />
      {showClear && (value.ownerId || value.closeMonth) ? (
        <button type="button" className="button button--ghost button--small" onClick={() => onChange(NO_DEAL_FILTERS)}>
          {t('filters.clear')}
        </button>
      ) : null}
    </>
  );
}

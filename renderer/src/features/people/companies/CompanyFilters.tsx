import { useTranslation } from 'react-i18next';
import { OwnerSelect } from '../shared/OwnerSelect';
import { SearchField } from '../shared/SearchField';
import { TagFilterSelect } from '../tags/TagFilterSelect';
import { hasCompanyFilters, NO_COMPANY_FILTERS, type CompanyFilterState } from './company-filters';

export function CompanyFilters({ filters, onChange }: { filters: CompanyFilterState; onChange: (filters: CompanyFilterState) => void }) {
  const { t } = useTranslation();
  return (
    <div className="filters" role="search" aria-label={t('companies.filters')}>
      <SearchField label={t('companies.search')} value={filters.search} onChange={(search) => onChange({ ...filters, search })} />
      <TagFilterSelect
        aria-label={t('filters.tag')}
        emptyLabel={t('filters.anyTag')}
        value={filters.tagId ? String(filters.tagId) : ''}
        onChange={(event) => onChange({ ...filters, tagId: event.target.value ? Number(event.target.value) : null })}
      />
      <OwnerSelect
        aria-label={t('filters.owner')}
        emptyLabel={t('filters.anyOwner')}
        value={filters.ownerId ? String(filters.ownerId) : ''}
        onChange={(event) => onChange({ ...filters, ownerId: event.target.value ? Number(event.target.value) : null })}
      />
      {hasCompanyFilters(filters) ? (
        <button type="button" className="button button--ghost button--small" onClick={() => onChange(NO_COMPANY_FILTERS)}>
          {t('filters.clear')}
        </button>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES } from '../../../../../db/contract/people';
import { CompanyPicker } from '../companies/CompanyPicker';
import { OwnerSelect } from '../shared/OwnerSelect';
import { SearchField } from '../shared/SearchField';
import { TagFilterSelect } from '../tags/TagFilterSelect';
import { hasContactFilters, NO_CONTACT_FILTERS, type ContactFilterState } from './contact-filters';

export function ContactFilters({ filters, onChange }: { filters: ContactFilterState; onChange: (filters: ContactFilterState) => void }) {
  const { t } = useTranslation();
  return (
    <div className="filters" role="search" aria-label={t('contacts.filters')}>
      <SearchField label={t('contacts.search')} value={filters.search} onChange={(search) => onChange({ ...filters, search })} />
      <TagFilterSelect
        aria-label={t('filters.tag')}
        emptyLabel={t('filters.anyTag')}
        value={filters.tagId ? String(filters.tagId) : ''}
        onChange={(event) => onChange({ ...filters, tagId: event.target.value ? Number(event.target.value) : null })}
      />
      <select
        className="select"
        aria-label={t('filters.lifecycle')}
        value={filters.lifecycle ?? ''}
        onChange={(event) => onChange({ ...filters, lifecycle: (event.target.value || null) as ContactFilterState['lifecycle'] })}
      >
        <option value="">{t('filters.anyLifecycle')}</option>
        {LIFECYCLE_STAGES.map((stage) => (
          <option key={stage} value={stage}>
            {t(`lifecycle.${stage}`)}
          </option>
        ))}
      </select>
      <OwnerSelect
        aria-label={t('filters.owner')}
        emptyLabel={t('filters.anyOwner')}
        value={filters.ownerId ? String(filters.ownerId) : ''}
        onChange={(event) => onChange({ ...filters, ownerId: event.target.value ? Number(event.target.value) : null })}
      />
      <CompanyPicker label={t('filters.company')} placeholder={t('filters.anyCompany')} value={filters.company} onChange={(company) => onChange({ ...filters, company })} compact />
      <label className="checkbox-row filters__vip">
        <input type="checkbox" checked={filters.vip} onChange={(event) => onChange({ ...filters, vip: event.target.checked })} />
        <span>{t('filters.vipOnly')}</span>
      </label>
      {hasContactFilters(filters) ? (
        <button type="button" className="button button--ghost button--small" onClick={() => onChange(NO_CONTACT_FILTERS)}>
          {t('filters.clear')}
        </button>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { DEAL_STATUSES } from '../../../../../db/contract/sales';
import { SearchField } from '../../people/shared/SearchField';
import { BoardFilters } from '../board/BoardFilters';
import { usePipelines } from '../shared/use-pipelines';
import { hasDealFilters, NO_DEAL_LIST_FILTERS, type DealListFilters } from './deal-filters';

/** Search, pipeline, stage, status, owner and close month: the board's filters and a few more. */
export function DealFilters({ filters, onChange }: { filters: DealListFilters; onChange: (filters: DealListFilters) => void }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.find((candidate) => candidate.id === filters.pipelineId);
  return (
    <div className="filters" role="search" aria-label={t('deals.filters')}>
      <SearchField label={t('deals.search')} value={filters.search} onChange={(search) => onChange({ ...filters, search })} />
      <select
        className="select"
        aria-label={t('deals.filterPipeline')}
        value={filters.pipelineId ? String(filters.pipelineId) : ''}
        onChange={(event) => onChange({ ...filters, pipelineId: event.target.value ? Number(event.target.value) : null, stageId: null })}
      >
        <option value="">{t('deals.anyPipeline')}</option>
        {(pipelines.data ?? []).map((candidate) => (
          <option key={candidate.id} value={String(candidate.id)}>
            {candidate.name}
          </option>
        ))}
      </select>
      {pipeline ? (
        <select className="select" aria-label={t('deals.filterStage')} value={filters.stageId ? String(filters.stageId) : ''} onChange={(event) => onChange({ ...filters, stageId: event.target.value ? Number(event.target.value) : null })}>
          <option value="">{t('deals.anyStage')}</option>
          {pipeline.stages.map((stage) => (
            <option key={stage.id} value={String(stage.id)}>
              {stage.name}
            </option>
          ))}
        </select>
      ) : null}
      <select className="select" aria-label={t('deals.filterStatus')} value={filters.status ?? ''} onChange={(event) => onChange({ ...filters, status: (event.target.value || null) as DealListFilters['status'] })}>
        <option value="">{t('deals.anyStatus')}</option>
        {DEAL_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`deals.statuses.${status}`)}
          </option>
        ))}
      </select>
      <BoardFilters
        value={{ ownerId: filters.ownerId, closeMonth: filters.closeMonth }}
        onChange={(value) => onChange({ ...filters, ownerId: value.ownerId, closeMonth: value.closeMonth })}
        showClear={false}
      />
      {hasDealFilters(filters) ? (
        <button type="button" className="button button--ghost button--small" onClick={() => onChange(NO_DEAL_LIST_FILTERS)}>
          {t('filters.clear')}
        </button>
      ) : null}
    </div>
  );
}

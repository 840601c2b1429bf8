import type { DEAL_STATUSES } from '../../../../../db/contract/sales';

export interface DealListFilters {
  search: string;
  pipelineId: number | null;
  stageId: number | null;
  status: (typeof DEAL_STATUSES)[number] | null;
  ownerId: number | null;
  closeMonth: string;
}

export const NO_DEAL_LIST_FILTERS: DealListFilters = { search: '', pipelineId: null, stageId: null, status: null, ownerId: null, closeMonth: '' };

export function hasDealFilters(filters: DealListFilters): boolean {
  return Boolean(filters.search.trim() || filters.pipelineId || filters.stageId || filters.status || filters.ownerId || filters.closeMonth);
}

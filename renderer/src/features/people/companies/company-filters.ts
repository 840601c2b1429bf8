export interface CompanyFilterState {
  search: string;
  tagId: number | null;
  ownerId: number | null;
}

export const NO_COMPANY_FILTERS: CompanyFilterState = { search: '', tagId: null, ownerId: null };

export function hasCompanyFilters(filters: CompanyFilterState): boolean {
  return Boolean(filters.search.trim() || filters.tagId || filters.ownerId);
}

import type { LIFECYCLE_STAGES } from '../../../../../db/contract/people';

export interface ContactFilterState {
  search: string;
  tagId: number | null;
  lifecycle: (typeof LIFECYCLE_STAGES)[number] | null;
  ownerId: number | null;
  company: { id: number; name: string } | null;
  vip: boolean;
}

export const NO_CONTACT_FILTERS: ContactFilterState = { search: '', tagId: null, lifecycle: null, ownerId: null, company: null, vip: false };

export function hasContactFilters(filters: ContactFilterState): boolean {
  return Boolean(filters.search.trim() || filters.tagId || filters.lifecycle || filters.ownerId || filters.company || filters.vip);
}

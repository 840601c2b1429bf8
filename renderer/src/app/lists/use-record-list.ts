import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useStoredState } from '../use-stored-state';
import type { SortState } from './RecordTable';

/** One page of a keyset-paged list procedure. */
export interface RecordListPage<Row> {
  rows: Row[];
  total: number | null;
  /** Set when the core stopped counting at its cap: at least this many match. */
  totalAtLeast?: number | null;
  nextCursor?: string | null;
}

export interface RecordListOptions<Input extends object, Row> {
  /** The list procedure's input (filters, sort, page size) without the cursor. */
  input: Input;
  /**
   * The list procedure's `pathKey()`, so invalidating the procedure reaches this list. The query key
   * is that path plus the whole input: not tRPC's `infiniteQueryKey`, which drops `cursor` and
   * `direction` from the input and so once made both sort directions share one cache entry.
   */
  pathKey: readonly unknown[];
  fetchPage: (input: Input & { cursor: string | undefined; exactTotal?: boolean }, signal: AbortSignal) => Promise<RecordListPage<Row>>;
}

/**
 * A keyset-paged list and its selection: the pages are fetched as the table scrolls, the previous
 * result stays on screen while a new search loads, and the selection belongs to one result set.
 */
export function useRecordList<Input extends object, Row extends { id: number }>({ input, pathKey, fetchPage }: RecordListOptions<Input, Row>) {
  const inputKey = JSON.stringify(input);
  // Selection belongs to one result set: changing filters or sort starts a fresh selection.
  const [selection, setSelection] = useState<{ key: string; ids: Set<number> }>({ key: inputKey, ids: new Set() });
  const selectedIds = selection.key === inputKey ? selection.ids : new Set<number>();
  // "Count exactly" belongs to one result set too: new filters start with the capped count again.
  const [exactKey, setExactKey] = useState<string | null>(null);
  const exactTotal = exactKey === inputKey;
  const pageInput = exactTotal ? { ...input, exactTotal: true } : input;

  // Not tRPC's infiniteQueryOptions: it adds its own `direction` (forward/backward) to the input and
  // leaves `direction` and `cursor` out of the key. Here the key holds every input field, so two
  // sorts (or any two inputs) never share a cache entry.
  const query = useInfiniteQuery({
    queryKey: [...pathKey, { input: pageInput, type: 'infinite' }],
    queryFn: ({ pageParam, signal }) => fetchPage({ ...pageInput, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.rows) ?? [], [query.data]);
  const firstPage = query.data?.pages[0];
  // Past the core's cap the count is a lower bound ("10,000+") until the user asks for the exact one.
  const totalCapped = firstPage !== undefined && firstPage.total === null && firstPage.totalAtLeast != null;
  const total = firstPage?.total ?? firstPage?.totalAtLeast ?? 0;

  return {
    query,
    rows,
    total,
    totalCapped,
    /** The count for a list header: "1,234" or, past the cap, "10,000+". */
    formatTotal: (formatNumber: (value: number) => string) => (totalCapped ? `${formatNumber(total)}+` : formatNumber(total)),
    /** Asks the core for the exact count of this result set (the list is fetched again with it). */
    countExactly: () => setExactKey(inputKey),
    isCountingExactly: exactTotal && query.isPlaceholderData,
    /** Changes with the input: the table scrolls back to the top and the selection is cleared. */
    inputKey,
    selectedIds,
    setSelectedIds: (ids: Set<number>) => setSelection({ key: inputKey, ids }),
    clearSelection: () => setSelection({ key: inputKey, ids: new Set() }),
  };
}

export type RecordList<Row extends { id: number }> = ReturnType<typeof useRecordList<object, Row>>;

/**
 * A list's sort, kept for this window. Sorting by the current field flips its direction; a new
 * field starts in the direction `firstDirection` gives it.
 */
export function useListSort(storageKey: string, defaultSort: SortState, firstDirection: (field: string) => SortState['direction']) {
  const [sort, setSort] = useStoredState<SortState>(storageKey, defaultSort, 'session');
  const onSort = (field: string) =>
    setSort(sort.field === field ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: firstDirection(field) });
  return [sort, onSort] as const;
}

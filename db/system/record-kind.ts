import type { SQL } from 'drizzle-orm';
import type { RecordKind } from '../contract/record-kinds';
import type { SearchHit } from '../contract/system';
import type { RecordTable } from '../write/record-writer';
import type { Reads } from '../read/reads';
import type { RecordWriter } from '../write/record-writer';

/**
 * A record's title: one of its table's columns, or a `sql` expression over them, read from the table
 * unaliased. Typed, so renaming a column breaks the registration at compile time, not the Trash at run time.
 */
export type RecordTitle<T extends RecordTable = RecordTable> = T['_']['columns'][keyof T['_']['columns']] | SQL;

/** A column of one record pointing at another record, and what purging that other record does here. */
export interface RecordLink {
  /** SQL name of the column holding the other record's id. */
  column: string;
  to: RecordKind;
  /**
   * `block`: the other record cannot be purged while this row points at it (even from the Trash);
   * `cascade`: this row is purged with it; `clear`: the link is emptied (audited, versioned).
   */
  onPurge: 'block' | 'cascade' | 'clear';
  /** A child table of this kind holding the column (an order's lines); by default the kind's own table. */
  table?: string;
  /** Plural noun for "still linked to 3 order lines"; by default the kind's own plural. */
  label?: string;
}

/** A global search for one kind: the query as typed, its normalized form for prefix ranking, and the FTS rowids of the first matches in index order (composable as `id IN (…)`). */
export interface SearchMatch {
  query: string;
  prefix: string;
  sql: string;
  params: (string | number | bigint)[];
}

/**
 * What the core knows about one kind of record. Trash, restore, purge, search, history,
 * dependents and record links are all derived from these definitions (db/system/registry.ts).
 */
export interface RecordKindDefinition {
  table: RecordTable;
  /** English nouns for the core's own messages; the UI translates by kind. */
  noun: { one: string; many: string };
  /** The record as the API returns it (also "theirs" in a CONFLICT). */
  read(reads: Reads, id: number): unknown;
  /** A short title, e.g. for the Trash and for link names in history. */
  title: RecordTitle;
  /** Columns pointing at other records. */
  links: RecordLink[];
  /** For searchable kinds: refresh the record's index entry (dropping it when deleted or gone), and read ranked hits. */
  search?: {
    reindex(writer: RecordWriter, id: number): void;
    hits(reads: Reads, match: SearchMatch, limit: number): SearchHit[];
  };
}

export type SearchableDefinition = RecordKindDefinition & { search: NonNullable<RecordKindDefinition['search']> };

/** A kind's registration; its title must be a column of its own table (or an expression). */
export function defineRecordKind<T extends RecordKindDefinition>(definition: T & { title: RecordTitle<T['table']> }): T {
  return definition;
}

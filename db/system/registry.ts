import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { RecordWriter } from '../write/record-writer';
import { RECORD_KINDS, type RecordKind, type SearchKind, type TrashKind } from '../contract/record-kinds';
import { companyKind, contactKind, noteKind } from '../people/kinds';
import { dealKind, orderKind, pipelineKind, productKind, stageKind } from '../sales/kinds';
import type { Reads } from '../read/reads';
import { SYSTEM_VIEWER, type Viewer } from '../read/viewer';
import { isOwnedTable, present, visibleLinks, visibleRow } from '../read/visibility';
import { activityKind, taskKind } from '../work/kinds';
import type { RecordKindDefinition, RecordLink, SearchableDefinition } from './record-kind';

/**
 * The one registration of every record kind in the core. The compiler checks it against the
 * contract's list (db/contract/record-kinds.ts), including that every searchable kind says how
 * it is indexed and found. Everything generic about records is derived from here.
 */
export const RECORD_KIND_DEFINITIONS = {
  contact: contactKind,
  company: companyKind,
  note: noteKind,
  deal: dealKind,
  activity: activityKind,
  task: taskKind,
  order: orderKind,
  product: productKind,
  pipeline: pipelineKind,
  stage: stageKind,
} satisfies { [K in RecordKind]: K extends SearchKind ? SearchableDefinition : RecordKindDefinition };

export function definitionOf(kind: RecordKind): RecordKindDefinition {
  return RECORD_KIND_DEFINITIONS[kind];
}

export function searchDefinitionOf(kind: SearchKind): SearchableDefinition {
  return RECORD_KIND_DEFINITIONS[kind];
}

export function tableNameOf(kind: RecordKind): string {
  return getTableConfig(definitionOf(kind).table).name;
}

/** A record's search entry, refreshed after a generic operation (a no-op for kinds search does not hold). */
export function reindexAny(writer: RecordWriter, kind: RecordKind, id: number): void {
  definitionOf(kind).search?.reindex(writer, id);
}

export interface IncomingLink extends RecordLink {
  /** The kind whose rows (or whose child rows) hold the link. */
  from: RecordKind;
  /** The table holding the column. */
  table: string;
  label: string;
}

/** Every link that points at `kind`, from any kind: the inverse of the definitions' `links`. */
export function incomingLinks(kind: RecordKind): IncomingLink[] {
  return RECORD_KINDS.flatMap((from) => {
    const definition = definitionOf(from);
    return definition.links
      .filter((link) => link.to === kind)
      .map((link) => ({ ...link, from, table: link.table ?? tableNameOf(from), label: link.label ?? definition.noun.many }));
  });
}

/** How many rows of the link's table point at `id` (live ones only with `liveOnly`); the names come from the typed registry. */
export function linkedCount(reads: Reads, link: IncomingLink, id: number, options: { liveOnly?: boolean } = {}): number {
  const live = options.liveOnly ? sql` AND deleted_at IS NULL` : sql``;
  return reads.value<number>(sql`SELECT count(*) FROM ${sql.identifier(link.table)} WHERE ${sql.identifier(link.column)} = ${id}${live}`) ?? 0;
}

/** The ids of the link's table pointing at `id`, live or trashed. */
export function linkedIds(reads: Reads, link: IncomingLink, id: number): number[] {
  return reads.values<number>(sql`SELECT id FROM ${sql.identifier(link.table)} WHERE ${sql.identifier(link.column)} = ${id}`);
}

/**
 * How many live records of each kind point at this one (a contact's deals, orders, activities and
 * tasks), so the UI can say what a delete affects. Only links that would block a purge count.
 */
export function liveDependents(reads: Reads, kind: RecordKind, id: number): Partial<Record<RecordKind, number>> {
  const counts: Partial<Record<RecordKind, number>> = {};
  for (const link of incomingLinks(kind)) {
    if (link.onPurge !== 'block' || link.table !== tableNameOf(link.from)) continue;
    counts[link.from] = (counts[link.from] ?? 0) + linkedCount(reads, link, id, { liveOnly: true });
  }
  return counts;
}

/**
 * Every soft-deleted record of the Trash's kinds as one row source: kind, id, title, deleted_at,
 * updated_by. Table and title come from the typed registry, never from input.
 */
export function trashSource(kinds: readonly TrashKind[], viewer: Viewer = SYSTEM_VIEWER): SQL {
  return sql.join(
    kinds.map((kind) => {
      const { table, title } = definitionOf(kind);
      // Staff do not see others' private records in the Trash either, nor what belongs to them.
      const columns = table as unknown as Record<string, SQLiteColumn | undefined>;
      const visible = isOwnedTable(table)
        ? present([visibleRow(table.id, table, viewer)])
        : visibleLinks({ contactId: columns.contactId, companyId: columns.companyId, dealId: columns.dealId }, viewer);
      return sql`SELECT ${sql.raw(`'${kind}'`)} AS kind, ${table.id} AS id, ${title} AS title, ${table.deletedAt} AS deleted_at, ${table.updatedBy} AS updated_by
        FROM ${table} WHERE ${sql.join([sql`${table.deletedAt} > 0`, ...visible], sql` AND `)}`;
    }),
    sql` UNION ALL `,
  );
}

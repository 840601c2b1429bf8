import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Reads } from '../read/reads';

/**
 * Rows that belong to one record and have no life of their own: a contact's emails and phones, a
 * record's tags, an order's lines, a deal's stage history. Declared once; the writer then writes
 * them with the record (`children` of `insert`/`update`) and records their change in the record's
 * own audit entry, version bump and change row, so a child change is never a silent write.
 */
type Insert<C extends SQLiteTable> = C['$inferInsert'];
type Field<C extends SQLiteTable> = keyof Insert<C> & string;

export interface ChildRowsDefinition<C extends SQLiteTable, P extends Field<C>, Pos extends Field<C>, S extends Field<C>> {
  table: C;
  /** The child's field holding the record's id. */
  parent: P;
  /** The field the record's audit entry shows the rows under ("emails"). */
  field: string;
  /** Fixed values that narrow the table to this group of rows (contact_channels with kind 'email'); written on insert. */
  scope?: { [K in S]: Insert<C>[K] };
  /** The field written with each row's position in the list, when the rows are ordered. */
  position?: Pos;
  /** What the audit shows for the rows (names of tags, not ids); defaults to the compared fields. */
  describe?: (rows: Partial<C['$inferSelect']>[], reads: Reads) => unknown;
}

/** A child group's rows as the caller gives them: without the id, the record's link, the position and the scope, which the writer sets. */
export type ChildValues<C extends SQLiteTable, P extends Field<C>, Pos extends Field<C>, S extends Field<C>> = Omit<Insert<C>, 'id' | P | Pos | S>;

export interface ChildRows<C extends SQLiteTable = SQLiteTable, P extends Field<C> = any, Pos extends Field<C> = any, S extends Field<C> = any>
  extends ChildRowsDefinition<C, P, Pos, S> {
  /** The record's rows become exactly `values`, in this order; used as `children: [emails.replace(list)]`. */
  replace(values: ChildValues<C, P, Pos, S>[]): ChildReplacement;
  /** The child's column holding the record's id. */
  readonly parentColumn: SQLiteColumn;
}

/** A pending "these are now the record's rows", carried out by the writer after the version check passed. */
export interface ChildReplacement {
  readonly rows: ChildRows;
  readonly values: Record<string, unknown>[];
}

export function defineChildRows<C extends SQLiteTable, P extends Field<C>, Pos extends Field<C> = never, S extends Field<C> = never>(
  definition: ChildRowsDefinition<C, P, Pos, S>,
): ChildRows<C, P, Pos, S> {
  const parentColumn = (definition.table as unknown as Record<string, SQLiteColumn>)[definition.parent];
  if (!parentColumn) throw new Error(`${definition.parent} is not a column of this table.`);
  const rows: ChildRows<C, P, Pos, S> = {
    ...definition,
    parentColumn,
    replace: (values) => ({ rows: rows as unknown as ChildRows, values: values as Record<string, unknown>[] }),
  };
  return rows;
}

/** The record's current rows of a child group, in their order. */
export function currentChildRows(reads: Reads, rows: ChildRows, parentId: number): Record<string, unknown>[] {
  const columns = rows.table as unknown as Record<string, SQLiteColumn>;
  const conditions: SQL[] = [eq(rows.parentColumn, parentId)];
  for (const [field, value] of Object.entries(rows.scope ?? {})) conditions.push(eq(columns[field]!, value));
  const query = reads.db.select().from(rows.table).where(and(...conditions));
  const ordered = rows.position ? query.orderBy(asc(columns[rows.position]!)) : query;
  return ordered.all() as Record<string, unknown>[];
}

/** The fields a replacement compares: what its values set, less the link, the scope and the position. */
function comparedFields(rows: ChildRows, values: Record<string, unknown>[], current: Record<string, unknown>[]): string[] {
  const skip = new Set([rows.parent, 'id', ...Object.keys(rows.scope ?? {}), ...(rows.position ? [rows.position] : [])]);
  const sample = values[0] ?? current[0] ?? {};
  return Object.keys(sample).filter((field) => !skip.has(field));
}

/**
 * Compares a replacement with the record's rows: null when it would change nothing, else the audit
 * field (before → after). Unordered groups (tags) compare as sets.
 */
export function childChange(
  reads: Reads,
  replacement: ChildReplacement,
  /** The record's rows now; null for a record being created (its audit shows no "before"). */
  existing: Record<string, unknown>[] | null,
): { field: string; before: unknown; after: unknown } | null {
  const current = existing ?? [];
  const { rows, values } = replacement;
  const fields = comparedFields(rows, values, current);
  const project = (list: Record<string, unknown>[]) => {
    const keys = list.map((row) => JSON.stringify(fields.map((field) => row[field] ?? null)));
    return rows.position ? keys : keys.sort();
  };
  if (JSON.stringify(project(current)) === JSON.stringify(project(values))) return null;
  const describe =
    rows.describe ??
    ((list: Record<string, unknown>[]) => list.map((row) => (fields.length === 1 ? row[fields[0]!] : Object.fromEntries(fields.map((field) => [field, row[field]])))));
  const before = existing ? describe(current, reads) : null;
  const after = describe(values, reads);
  return { field: rows.field, before, after };
}

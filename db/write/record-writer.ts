import type Database from 'better-sqlite3';
import { and, eq, getTableColumns, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { RapportError, deletedConflict, notFound } from '../errors';
import type { AuditCause } from '../contract/system';
import { changes, settings } from '../system/schema';
import { statement } from '../read/statements';
import type { Workspace } from '../workspace/open';
import { SETTINGS_VERSION_KEY, type SettingKey } from '../workspace/settings';
import { isBookkeepingColumn, isUnauditedColumn } from './derived-columns';
import { childChange, currentChildRows, type ChildReplacement, type ChildRows, type ChildValues } from './child-rows';
import { readsOf, type Reads } from '../read/reads';
import { mayReach } from '../read/visibility';
import { indexRecord, unindexRecord } from '../search/index';
import type { IndexedKind } from '../search/text';

/** A table written through the write path: integer id plus the record columns. */
export type RecordTable = SQLiteTable & {
  id: any;
  version: any;
  createdAt: any;
  updatedAt: any;
  createdBy: any;
  updatedBy: any;
  deletedAt: any;
};

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

type Row<T extends RecordTable> = InferSelectModel<T>;
type Values<T extends RecordTable> = Omit<
  T['$inferInsert'],
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'deletedAt'
>;

export interface InsertOptions {
  /** Audit fields beyond the row's columns (a PIN set, shown without its hash). */
  extraChanges?: FieldChange[];
  /** The record's child rows (emails, tags, lines), written with it and shown in its audit entry. */
  children?: ChildReplacement[];
}

export interface UpdateOptions extends InsertOptions {
  /** Shapes the current row for a CONFLICT error, so the UI can show "theirs". */
  describeCurrent?: (id: number) => unknown;
  /** The action that caused this change, recorded in its audit entry. */
  cause?: AuditCause;
}

/** The settings are one record in the audit and the change feed. */
const SETTINGS_ROW_ID = 0;

const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'deletedAt']);

/**
 * Used only inside `write()`: every insert/update/delete bumps version and updated_*, appends to the
 * audit log with field-level before/after, and appends to the change feed.
 */
export class RecordWriter {
  /** Tables this transaction appended change rows for: what `write()` reports as touched. */
  readonly touchedTables = new Set<string>();

  constructor(
    private readonly workspace: Workspace,
    readonly now: number,
  ) {}

  // The connection stays inside the writer: area code reads through `reads` and writes through the methods below.
  private get db() {
    return this.workspace.db;
  }

  private get sqlite() {
    return this.workspace.sqlite;
  }

  /** Reads inside the transaction (the state this write sees). */
  get reads(): Reads {
    // The acting user's reads: a private record they may not see cannot be updated or linked to either.
    return this.workspace.reads;
  }

  /**
   * Reads that see every record, private ones too: for the write's own bookkeeping (the search
   * index, derived rows), never for what the acting user is shown or may touch.
   */
  get bookkeepingReads(): Reads {
    return readsOf(this.workspace.sqlite);
  }

  /** The staff member this write is attributed to (null: the system, while setting up). */
  get userId(): number | null {
    return this.workspace.userId || null;
  }

  insert<T extends RecordTable>(table: T, values: Values<T>, options: InsertOptions = {}): number {
    const { extraChanges = [], children = [] } = options;
    const userId = this.workspace.userId || null;
    const row = this.db
      .insert(table)
      .values({
        ...values,
        version: 1,
        createdAt: this.now,
        updatedAt: this.now,
        createdBy: userId,
        updatedBy: userId,
      } as any)
      .returning({ id: table.id })
      .get() as { id: number };
    const fields = Object.entries(values as Record<string, unknown>)
      .filter(([field, value]) => value !== null && value !== undefined && value !== false && !isUnauditedColumn(table, field))
      .map(([field, value]) => ({ field, before: null, after: value }));
    const childChanges = children.flatMap((replacement) => {
      const change = childChange(this.reads, replacement, null);
      if (change) this.writeChildren(replacement, row.id);
      return change ? [change] : [];
    });
    this.audit('create', table, row.id, [...fields, ...extraChanges, ...childChanges]);
    this.change(table, row.id, 'insert');
    return row.id;
  }

  /**
   * The row as the acting user may act on it: a private record they may not see, or a row of one
   * (its calls, notes, tasks, orders), is not there for them (NOT_FOUND), whichever write reaches
   * it — an edit, a bulk change, the Trash.
   */
  read<T extends RecordTable>(table: T, id: number): Row<T> | undefined {
    const row = this.db.select().from(table as any).where(eq(table.id, id)).get() as Row<T> | undefined;
    if (row && !mayReach(this.reads, row as Record<string, unknown>, this.reads.viewer)) return undefined;
    return row;
  }

  /**
   * Updates the fields in `patch` if the row is still at `expectedVersion`; otherwise CONFLICT with
   * the current row. Returns the new version. A patch that changes nothing leaves the row alone.
   */
  update<T extends RecordTable>(
    table: T,
    id: number,
    expectedVersion: number,
    patch: Partial<Values<T>>,
    options: UpdateOptions = {},
  ): number {
    const current = this.read(table, id) as Record<string, unknown> | undefined;
    if (!current) throw notFound(tableLabel(table), id);
    if (current.deletedAt !== null) throw deletedConflict(options.describeCurrent ? options.describeCurrent(id) : current);
    if (current.version !== expectedVersion) {
      throw new RapportError('CONFLICT', 'Someone else saved this record after you opened it.', {
        current: options.describeCurrent ? options.describeCurrent(id) : current,
      });
    }
    const columns = getTableColumns(table);
    const fieldChanges: FieldChange[] = [];
    const set: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(patch as Record<string, unknown>)) {
      if (value === undefined || BOOKKEEPING.has(field) || !(field in columns)) continue;
      if (!sameValue(current[field], value)) {
        if (!isUnauditedColumn(table, field)) fieldChanges.push({ field, before: current[field], after: value });
        set[field] = value;
      }
    }
    const changedChildren = (options.children ?? []).flatMap((replacement) => {
      const change = childChange(this.reads, replacement, currentChildRows(this.reads, replacement.rows, id));
      return change ? [{ replacement, change }] : [];
    });
    const allChanges = [...fieldChanges, ...(options.extraChanges ?? []), ...changedChildren.map((child) => child.change)];
    if (allChanges.length === 0) return expectedVersion;
    for (const child of changedChildren) this.writeChildren(child.replacement, id);
    const nextVersion = expectedVersion + 1;
    this.db
      .update(table)
      .set({ ...set, version: nextVersion, updatedAt: this.now, updatedBy: this.workspace.userId || null } as any)
      .where(eq(table.id, id))
      .run();
    this.audit('update', table, id, allChanges, options.cause);
    this.change(table, id, 'update');
    return nextVersion;
  }

  /**
   * Sets bookkeeping columns declared on the table (`withBookkeepingColumns`): no version bump, so an
   * edit form open elsewhere does not conflict, and no audit, since no person changed anything; but
   * a change row, so other PCs refresh. Any other column is refused.
   */
  setBookkeeping<T extends RecordTable>(table: T, id: number, values: Partial<Row<T>>): void {
    const fields = Object.keys(values);
    const undeclared = fields.filter((field) => !isBookkeepingColumn(table, field));
    if (fields.length === 0 || undeclared.length > 0) {
      throw new RapportError('INTERNAL', `${getTableConfig(table).name} declares no bookkeeping column ${undeclared.join(', ') || '(none given)'}.`);
    }
    const result = this.db.update(table).set(values as any).where(eq(table.id, id)).run();
    if (result.changes === 0) throw notFound(tableLabel(table), id);
    this.change(table, id, 'update');
  }

  /**
   * Writes workspace settings as one record (table `settings`, row 0): its version is kept as the
   * `version` settings row. With `expectedVersion`, a stale one gets CONFLICT and the current
   * settings; changed keys are audited field by field and reported in the change feed. Returns the
   * settings' version afterwards.
   */
  setSettings(patch: Partial<Record<SettingKey, string>>, options: { expectedVersion?: number; describeCurrent?: () => unknown } = {}): number {
    const current = new Map(this.db.select().from(settings).all().map((row) => [row.key, row.value]));
    const version = Number(current.get(SETTINGS_VERSION_KEY) ?? 0);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new RapportError('CONFLICT', 'Someone else saved the settings after you opened them.', {
        current: options.describeCurrent ? options.describeCurrent() : Object.fromEntries(current),
      });
    }
    const fieldChanges: FieldChange[] = Object.entries(patch)
      .filter(([key, value]) => value !== undefined && key !== SETTINGS_VERSION_KEY && current.get(key) !== value)
      .map(([key, value]) => ({ field: key, before: current.get(key) ?? null, after: value }));
    if (fieldChanges.length === 0) return version;
    const upsert = (key: string, value: string) =>
      this.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    for (const change of fieldChanges) upsert(change.field, change.after as string);
    upsert(SETTINGS_VERSION_KEY, String(version + 1));
    const creating = current.size === 0;
    this.audit(creating ? 'create' : 'update', settings, SETTINGS_ROW_ID, fieldChanges);
    this.change(settings, SETTINGS_ROW_ID, creating ? 'insert' : 'update');
    return version + 1;
  }

  /** Soft delete: the row goes to the Trash. `expectedVersion` guards against deleting an edited row. */
  softDelete<T extends RecordTable>(table: T, id: number, expectedVersion?: number, describeCurrent?: (id: number) => unknown): void {
    const current = this.read(table, id) as Record<string, unknown> | undefined;
    if (!current) throw notFound(tableLabel(table), id);
    if (current.deletedAt !== null) throw deletedConflict(describeCurrent ? describeCurrent(id) : current);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new RapportError('CONFLICT', 'Someone else changed this record after you opened it.', {
        current: describeCurrent ? describeCurrent(id) : current,
      });
    }
    this.db
      .update(table)
      .set({ deletedAt: this.now, version: (current.version as number) + 1, updatedAt: this.now, updatedBy: this.workspace.userId || null } as any)
      .where(eq(table.id, id))
      .run();
    this.audit('delete', table, id, [{ field: 'deletedAt', before: null, after: this.now }]);
    this.change(table, id, 'delete');
  }

  restore<T extends RecordTable>(table: T, id: number): void {
    const current = this.read(table, id) as Record<string, unknown> | undefined;
    if (!current || current.deletedAt === null) throw notFound(`Deleted ${tableLabel(table)}`, id);
    this.db
      .update(table)
      .set({ deletedAt: null, version: (current.version as number) + 1, updatedAt: this.now, updatedBy: this.workspace.userId || null } as any)
      .where(eq(table.id, id))
      .run();
    this.audit('restore', table, id, [{ field: 'deletedAt', before: current.deletedAt, after: null }]);
    this.change(table, id, 'restore');
  }

  /** Permanent removal from the Trash; only rows already soft-deleted can be purged. */
  purge<T extends RecordTable>(table: T, id: number): void {
    const current = this.read(table, id) as Record<string, unknown> | undefined;
    if (!current || current.deletedAt === null) throw notFound(`Deleted ${tableLabel(table)}`, id);
    this.db.delete(table).where(eq(table.id, id)).run();
    this.audit('purge', table, id, []);
    this.change(table, id, 'purge');
  }

  /**
   * Purges a row that goes with a record being purged (a contact's notes), whatever state it is in.
   * Only the Trash's purge calls this, for links declared `cascade`.
   */
  purgeWithParent<T extends RecordTable>(table: T, id: number): void {
    if (!this.read(table, id)) throw notFound(tableLabel(table), id);
    this.db.delete(table).where(eq(table.id, id)).run();
    this.audit('purge', table, id, []);
    this.change(table, id, 'purge');
  }

  /**
   * Empties a link to a record being purged (a company's contacts lose the company), on live and
   * trashed rows alike: versioned and audited like any update, so a stale edit of the row conflicts.
   */
  clearLink<T extends RecordTable>(table: T, id: number, column: string): void {
    const current = this.read(table, id) as Record<string, unknown> | undefined;
    if (!current) throw notFound(tableLabel(table), id);
    const field = Object.entries(getTableColumns(table)).find(([, definition]) => definition.name === column)?.[0];
    if (!field) throw new RapportError('INTERNAL', `${getTableConfig(table).name} has no column ${column}.`);
    if (current[field] === null) return;
    this.db
      .update(table)
      .set({ [field]: null, version: (current.version as number) + 1, updatedAt: this.now, updatedBy: this.workspace.userId || null } as any)
      .where(eq(table.id, id))
      .run();
    this.audit('update', table, id, [{ field, before: current[field], after: null }]);
    this.change(table, id, 'update');
  }

  /**
   * Adds a row to a record's log-like children (a deal's stage history, an order's status events):
   * the record's own update, audited, is the change the row records, so the row itself adds none.
   */
  appendChild<C extends SQLiteTable, P extends keyof C['$inferInsert'] & string, Pos extends keyof C['$inferInsert'] & string, S extends keyof C['$inferInsert'] & string>(
    rows: ChildRows<C, P, Pos, S>,
    parentId: number,
    values: ChildValues<C, P, Pos, S>,
  ): number {
    const parentField = rows.parent;
    const inserted = this.workspace.db
      .insert(rows.table)
      .values({ ...(rows.scope ?? {}), ...values, [parentField]: parentId } as any)
      .returning()
      .get() as { id?: number };
    this.touchedTables.add(getTableConfig(rows.table).name);
    return inserted.id ?? 0;
  }

  /** Updates a record's log-like children (closing the open stage-history entry), under the same rule as `appendChild`. */
  updateChildren<C extends SQLiteTable>(rows: ChildRows<C, any, any, any>, parentId: number, set: Partial<C['$inferInsert']>, where?: SQL): void {
    const condition = where ? and(eq(rows.parentColumn, parentId), where) : eq(rows.parentColumn, parentId);
    this.workspace.db.update(rows.table).set(set as any).where(condition).run();
    this.touchedTables.add(getTableConfig(rows.table).name);
  }

  /** Keeps a record's search row in step with what it is found by; inside the transaction, so the index is never stale. */
  index(kind: IndexedKind, id: number, parts: (string | null | undefined)[]): void {
    indexRecord(this.workspace.sqlite, kind, id, parts);
  }

  unindex(kind: IndexedKind, id: number): void {
    unindexRecord(this.workspace.sqlite, kind, id);
  }

  private writeChildren(replacement: ChildReplacement, parentId: number): void {
    const { rows, values } = replacement;
    const columns = rows.table as unknown as Record<string, SQLiteColumn>;
    const conditions: SQL[] = [eq(rows.parentColumn, parentId)];
    for (const [field, value] of Object.entries(rows.scope ?? {})) conditions.push(eq(columns[field]!, value));
    this.workspace.db.delete(rows.table).where(and(...conditions)).run();
    const parentField = rows.parent;
    if (values.length) {
      this.workspace.db
        .insert(rows.table)
        .values(values.map((value, position) => ({ ...value, ...(rows.scope ?? {}), ...(rows.position ? { [rows.position]: position } : {}), [parentField]: parentId })) as any)
        .run();
    }
    this.touchedTables.add(getTableConfig(rows.table).name);
  }

  private audit(action: 'create' | 'update' | 'delete' | 'restore' | 'purge', table: SQLiteTable, rowId: number, fieldChanges: FieldChange[], cause?: AuditCause): void {
    const entry: Record<string, unknown> = {
      at: this.now,
      user_id: this.workspace.userId || null,
      action,
      table_name: getTableConfig(table).name,
      row_id: rowId,
      changes: JSON.stringify(fieldChanges),
    };
    // Files set up by older builds (tests open them with older migrations) lack the later columns.
    const columns = auditColumns(this.sqlite);
    if (columns.has('cause')) entry.cause = cause ? JSON.stringify(cause) : null;
    if (columns.has('client')) entry.client = this.workspace.pc ?? null;
    const names = Object.keys(entry);
    statement(this.sqlite, `INSERT INTO audit_log (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(entry));
  }

  private change(table: SQLiteTable, rowId: number, op: 'insert' | 'update' | 'delete' | 'restore' | 'purge'): void {
    this.db
      .insert(changes)
      .values({ at: this.now, tableName: getTableConfig(table).name, rowId, op, clientId: this.workspace.clientId })
      .run();
    this.touchedTables.add(getTableConfig(table).name);
  }
}

function tableLabel(table: SQLiteTable): string {
  const name = getTableConfig(table).name;
  return name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.replace(/s$/, '');
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

const auditColumnsByConnection = new WeakMap<Database.Database, ReadonlySet<string>>();

function auditColumns(sqlite: Database.Database): ReadonlySet<string> {
  let columns = auditColumnsByConnection.get(sqlite);
  if (!columns) {
    columns = new Set((sqlite.pragma('table_info(audit_log)') as { name: string }[]).map((column) => column.name));
    auditColumnsByConnection.set(sqlite, columns);
  }
  return columns;
}

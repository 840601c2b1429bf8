import type Database from 'better-sqlite3';

export interface RowState {
  version: number | null;
  json: string;
}
export type RecordSnapshot = Map<string, Map<number, RowState>>;

/** Every row of every record table (the ones with `id` and `version`), plus the settings as row 0. */
export function snapshotRecords(sqlite: Database.Database): RecordSnapshot {
  const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[])
    .map((row) => row.name)
    .filter((name) => {
      const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((column) => column.name);
      return columns.includes('id') && columns.includes('version');
    });
  const state: RecordSnapshot = new Map();
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as ({ id: number; version: number } & Record<string, unknown>)[];
    state.set(table, new Map(rows.map((row) => [row.id, { version: row.version, json: JSON.stringify(row) }])));
  }
  state.set('settings', new Map([[0, { version: null, json: JSON.stringify(sqlite.prepare(`SELECT key, value FROM settings WHERE key != 'version' ORDER BY key`).all()) }]]));
  return state;
}

/** Every row of every table but this session's presence: equal before and after means nothing was written. */
export function databaseContents(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'presence' ORDER BY name`).all() as { name: string }[]).map(
    (row) => row.name,
  );
  return Object.fromEntries(tables.map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}"`).all()]));
}

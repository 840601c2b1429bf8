/** The renderer's live refresh (renderer/src/app/live-refresh) checked against the router and schema it mirrors: here because only db/ tests may import both. */
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../api/router';
import * as schema from '../schema';
import { TABLE_READERS } from '../../renderer/src/app/live-refresh/table-readers';

const schemaTables = (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => is(value, SQLiteTable))
  .map((table) => getTableConfig(table).name)
  .sort();

type Procedure = { _def: { type: string; inputs: { shape?: Record<string, { safeParse: (value: unknown) => { success: boolean } }> }[] } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;
const queryPaths = Object.keys(procedures).filter((path) => procedures[path]!._def.type === 'query');
const readers = Object.entries(TABLE_READERS).flatMap(([table, tableReaders]) =>
  tableReaders.map((reader) => ({ table, ...(typeof reader === 'string' ? { path: reader, input: undefined } : reader) })),
);
const leadsTo = (reader: string, path: string) => path === reader || path.startsWith(`${reader}.`);

describe('the map from table to the queries that read it', () => {
  it('has one entry for every table of the schema, and none for a table that does not exist', () => {
    expect(schemaTables.length).toBeGreaterThan(10);
    expect(Object.keys(TABLE_READERS).sort()).toEqual(schemaTables);
  });

  it('names only paths that lead to queries of the router, with input values those queries accept', () => {
    const unknown = readers.filter(({ path }) => !queryPaths.some((query) => leadsTo(path, query))).map(({ table, path }) => `${table} → ${path}`);
    expect(unknown).toEqual([]);
    const refused = readers.flatMap(({ table, path, input }) =>
      Object.entries(input ?? {})
        .filter(([key, value]) => !procedures[path]?._def.inputs[0]?.shape?.[key]?.safeParse(value).success)
        .map(([key, value]) => `${table} → ${path} ${key}=${value}`),
    );
    expect(refused).toEqual([]);
  });

  it('leaves every query but the change feed read by some table', () => {
    const unread = queryPaths.filter((path) => path !== 'system.changes' && !readers.some((reader) => leadsTo(reader.path, path)));
    expect(unread).toEqual([]);
  });

  it('has every kind of record history read by some table', () => {
    const kinds = (procedures['system.history']!._def.inputs[0] as unknown as { shape: { kind: { options: string[] } } }).shape.kind.options;
    const read = new Set(readers.filter((reader) => reader.path === 'system.history').map((reader) => reader.input?.kind));
    expect(kinds.filter((kind) => !read.has(kind))).toEqual([]);
  });
});

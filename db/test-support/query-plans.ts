import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { openCore, type Core } from '../api/core';
import { seedLargeWorkspace, seedSales } from '../bench/seed';
import { registerSearchHit } from '../read/search-hit';
import { renderSql, type Reads } from '../read/reads';
import { SYSTEM_VIEWER, type Viewer } from '../read/viewer';

/** Who a plan is explained for: someone who sees every record, and staff (others' private records left out). */
export const PLAN_VIEWERS: readonly Viewer[] = [SYSTEM_VIEWER, { userId: 2, seesPrivate: false }];

/**
 * Plan tests explain the production queries themselves (DESIGN §8) on a seeded file that never had
 * ANALYZE (users' files don't): the statistics are what the open path's `PRAGMA optimize` gives.
 */
export interface PlanWorkspace {
  core: Core;
  sqlite: Database.Database;
  close(): void;
}

export function openSeededPlanWorkspace(): PlanWorkspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-plans-'));
  const file = path.join(dir, 'rapport.db');
  const seeding = openCore(file, { probeLocks: false });
  seedLargeWorkspace(seeding.workspace.sqlite, { contacts: 2_000, companies: 300 }, seeding.workspace.userId);
  seedSales(seeding.workspace.sqlite, { contacts: 2_000, companies: 300, deals: 1_000, activities: 2_000, orders: 500, linesPerOrder: 2 }, seeding.workspace.userId);
  seeding.close();
  const core = openCore(file, { probeLocks: false });
  registerSearchHit(core.workspace.sqlite);
  return {
    core,
    sqlite: core.workspace.sqlite,
    close() {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The seeded plan workspace of a test file; its parts exist once its tests run (read them inside tests and hooks). */
export interface UsedPlanWorkspace {
  readonly core: Core;
  readonly sqlite: Database.Database;
  readonly reads: Reads;
}

/** Opens the seeded plan workspace before the file's tests (seeding takes a while) and closes it after them. */
export function usePlanWorkspace(): UsedPlanWorkspace {
  let opened: PlanWorkspace | undefined;
  beforeAll(() => {
    opened = openSeededPlanWorkspace();
  }, 60_000);
  afterAll(() => opened?.close());
  const current = (): PlanWorkspace => {
    if (!opened) throw new Error('The plan workspace opens before the tests: read it inside a test or hook.');
    return opened;
  };
  return {
    get core() {
      return current().core;
    },
    get sqlite() {
      return current().sqlite;
    },
    get reads() {
      return current().core.workspace.reads;
    },
  };
}

/** A query to explain: SQL text with its parameters, a Drizzle builder (`.toSQL()`), or a `sql` template. */
export type ExplainedQuery = { sql: string; params: unknown[] } | { toSQL(): { sql: string; params: unknown[] } } | SQL;

function textOf(query: ExplainedQuery): { sql: string; params: unknown[] } {
  if ('toSQL' in query && typeof query.toSQL === 'function') return query.toSQL();
  if ('getSQL' in query) return renderSql(query as SQL);
  return query as { sql: string; params: unknown[] };
}

export function planOf(sqlite: Database.Database, query: ExplainedQuery): string {
  const { sql, params } = textOf(query);
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
}

/**
 * Tables read whole: `SCAN x` that is neither an index walk nor a virtual table (json_each, FTS).
 * Stages (`s`), users (`u`) and pipelines are a handful of rows joined by id; without statistics the
 * planner may read them whole, which costs nothing. `top` is a page's own sorted candidates (at most 51 rows).
 */
export function fullScans(plan: string, small: string[] = []): string[] {
  const tiny = ['s', 'u', 'top', 'stages', 'users', 'pipelines', ...small];
  return [...plan.matchAll(/\bSCAN (\w+)(?! (USING|VIRTUAL))(?= \||$| LEFT-JOIN)/g)].map((match) => match[1]!).filter((alias) => !tiny.includes(alias));
}

/**
 * Fails on a full scan, or on a temp B-tree where an index should serve. `sortedInTemp`: a bounded
 * set sorted after reading it; `unindexedSort`: a sort no index serves (say why where it is used);
 * `small`: more tables (aliases) that hold a handful of rows.
 */
export function expectIndexed(
  sqlite: Database.Database,
  query: ExplainedQuery,
  label: string,
  options: { sortedInTemp?: boolean; unindexedSort?: boolean; small?: string[] } = {},
): string {
  const plan = planOf(sqlite, query);
  if (options.unindexedSort) return plan;
  const { sql } = textOf(query);
  expect(fullScans(plan, options.small), `${label}\n${plan}\n${sql}`).toEqual([]);
  if (!options.sortedInTemp) expect(plan, `${label}\n${sql}`).not.toMatch(/TEMP B-TREE/);
  return plan;
}

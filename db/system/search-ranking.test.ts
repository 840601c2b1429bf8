import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../api/core';
import { appRouter } from '../api/router';
import { seedLargeWorkspace } from '../bench/seed';
import { matchingIdsSql } from '../search/index';
import { normalizeText } from '../search/text';

/**
 * The global search ranks over every match, not over the first ones the index happens to return:
 * names starting with the query first, then by name, ties by id — checked against brute force on
 * a file with enough matches for both of the list page's search plans.
 */
const CONTACTS = 12_000;
let dir: string;
let core: ReturnType<typeof openCore>;
let api: ReturnType<typeof appRouter.createCaller>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-search-rank-'));
  core = openCore(path.join(dir, 'rapport.db'), { probeLocks: false });
  api = appRouter.createCaller(core.context());
  seedLargeWorkspace(core.workspace.sqlite, { contacts: CONTACTS, companies: 1_500 }, core.workspace.userId);
  core.workspace.sqlite.prepare('UPDATE contacts SET deleted_at = 1 WHERE id % 13 = 0').run();
}, 60_000);
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function bruteForce(query: string, limit: number): number[] {
  const { sqlite } = core.workspace;
  const match = matchingIdsSql('contact', query)!;
  const rows = sqlite
    .prepare(`SELECT id, sort_name FROM contacts WHERE deleted_at IS NULL AND id IN (${match.sql})`)
    .all(...match.params) as { id: number; sort_name: string }[];
  const prefix = normalizeText(query).trim();
  const code = (text: string) => [...text].map((char) => char.codePointAt(0)!);
  const compare = (a: string, b: string) => {
    const [x, y] = [code(a), code(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  // SQLite compares text bytewise (UTF-8), which orders like code points.
  return rows
    .sort((a, b) => Number(b.sort_name.startsWith(prefix)) - Number(a.sort_name.startsWith(prefix)) || compare(a.sort_name, b.sort_name) || a.id - b.id)
    .slice(0, limit)
    .map((row) => row.id);
}

describe('global search ranking', () => {
  it.each(['a', 'an', 'ang', 'wang', 'li', '王', '张伟', 'zz-nothing'])('"%s" returns the true first contacts, prefix matches first', async (query) => {
    const hits = await api.system.search({ query, kinds: ['contact'], limit: 40 });
    expect(hits.map((hit) => hit.id)).toEqual(bruteForce(query, 40));
    // Stable: the same query answers the same.
    expect((await api.system.search({ query, kinds: ['contact'], limit: 40 })).map((hit) => hit.id)).toEqual(hits.map((hit) => hit.id));
  });
});

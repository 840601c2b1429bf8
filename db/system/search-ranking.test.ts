import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../api/core';
import { appRouter } from '../api/router';
import { seedLargeWorkspace } from '../bench/seed';
import { indexRecord, matchingIdsSql, unindexRecord } from '../search/index';
import { seededRandom } from '../people/sample-names';
import { tempCore } from '../test-support/temp-workspace';
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
  // Trashed as the app trashes: the index loses their entries.
  for (const id of core.workspace.sqlite.prepare('SELECT id FROM contacts WHERE deleted_at IS NOT NULL').pluck().all() as number[]) unindexRecord(core.workspace.sqlite, 'contact', id);
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

/**
 * Notes rank newest first (ties by id) over every match: read backwards in the index's order, not
 * the first 2 000 matches by id sorted. Creation times here are random (an import keeps the original
 * dates) and shared by several notes, so neither the id nor the insertion order gives the answer.
 */
describe('global search over notes', () => {
  it('returns the true newest matching notes, ties by id, however many match', async () => {
    const { core: notesCore, api: notesApi } = tempCore();
    const { sqlite, userId } = notesCore.workspace;
    const contact = await notesApi.people.contacts.create({ name: 'Note owner' });
    const random = seededRandom(3);
    const insert = sqlite.prepare(
      `INSERT INTO notes (id, contact_id, body, version, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    sqlite.transaction(() => {
      for (let id = 1; id <= 5_000; id++) {
        // Whole seconds over a few days: many notes share a second.
        const at = Date.UTC(2025, 0, 1) + Math.floor(random() * 200_000) * 1000;
        const body = id % 5 === 0 ? `Plain remark ${id}` : `Memo about the order ${id}`;
        insert.run(id, contact.id, body, at, at, userId, userId);
        indexRecord(sqlite, 'note', id, [body]);
      }
    })();
    sqlite.prepare('UPDATE notes SET deleted_at = 1 WHERE id % 7 = 0').run();
    for (const id of sqlite.prepare('SELECT id FROM notes WHERE deleted_at IS NOT NULL').pluck().all() as number[]) unindexRecord(sqlite, 'note', id);
    const expected = sqlite
      .prepare(`SELECT id FROM notes WHERE deleted_at IS NULL AND body LIKE '%memo%' ORDER BY created_at DESC, id DESC LIMIT 30`)
      .pluck()
      .all() as number[];
    expect(expected.some((id) => id > 2_000)).toBe(true);
    const hits = await notesApi.system.search({ query: 'memo', kinds: ['note'], limit: 30 });
    expect(hits.map((hit) => hit.id)).toEqual(expected);
    expect(hits[0]).toMatchObject({ kind: 'note', subtitle: 'Note owner', parent: { kind: 'contact', id: contact.id } });
  });
});

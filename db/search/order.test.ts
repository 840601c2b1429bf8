import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempCore, tempDir } from '../test-support/temp-workspace';
import { defaultMigrationsDir } from '../workspace/migrations';
import { openWorkspace } from '../workspace/open';
import { searchOrderBucket } from './text';

/** SQLite's BINARY order of text: code point by code point. */
function compareText(a: string, b: string): number {
  const [x, y] = [[...a].map((char) => char.codePointAt(0)!), [...b].map((char) => char.codePointAt(0)!)];
  for (let index = 0; index < Math.min(x.length, y.length); index++) if (x[index] !== y[index]) return x[index]! - y[index]!;
  return x.length - y.length;
}

describe('the index order', () => {
  it('never gives a value that sorts later a smaller bucket (property)', () => {
    const char = fc.oneof(
      fc.constantFrom(...' -.0129azAZéü张王伟丽何'.split('')),
      fc.integer({ min: 0x20, max: 0x10ffff }).filter((point) => point < 0xd800 || point > 0xdfff).map((point) => String.fromCodePoint(point)),
    );
    const text = fc.array(char, { maxLength: 8 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const [low, high] = compareText(a, b) <= 0 ? [a, b] : [b, a];
        expect(searchOrderBucket(low)).toBeLessThanOrEqual(searchOrderBucket(high));
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), (a, b) => {
        expect(searchOrderBucket(Math.min(a, b))).toBeLessThanOrEqual(searchOrderBucket(Math.max(a, b)));
      }),
    );
    // Fine enough to tell names apart early: five Latin letters, or a Chinese surname and given name.
    expect(searchOrderBucket('chloe')).toBeLessThan(searchOrderBucket('chlof'));
    expect(searchOrderBucket('何丽')).toBeLessThan(searchOrderBucket('何伟'));
  });

  it('migration 0009 moves an existing index into the order, and a rename moves its entry', async () => {
    // A file as the previous release left it: index rowids kind * 1e12 + id.
    const migrations = tempDir();
    const journal = JSON.parse(fs.readFileSync(path.join(defaultMigrationsDir(), 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((entry: { tag: string }) => entry.tag < '0008');
    fs.mkdirSync(path.join(migrations, 'meta'));
    fs.writeFileSync(path.join(migrations, 'meta', '_journal.json'), JSON.stringify(journal));
    for (const entry of journal.entries) fs.copyFileSync(path.join(defaultMigrationsDir(), `${entry.tag}.sql`), path.join(migrations, `${entry.tag}.sql`));
    const file = path.join(tempDir(), 'rapport.db');
    const old = openWorkspace(file, { migrationsDir: migrations, probeLocks: false });
    const names = ['Zoe Quill', 'Adam Quill', '王丽 Quill', 'Mia Quill', 'Bob Plain'];
    for (const [index, name] of names.entries()) {
      const id = index + 1;
      old.sqlite
        .prepare(`INSERT INTO contacts (id, name, sort_name, lifecycle, owner_id, vip, version, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, 'lead', ?, 0, 1, 1, 1, ?, ?)`)
        .run(id, name, name.toLowerCase(), old.userId, old.userId, old.userId);
      old.sqlite.prepare('INSERT INTO search_trigram (rowid, text) VALUES (?, ?)').run(1e12 + id, name);
      old.sqlite.prepare('INSERT INTO search_grams (rowid, grams) VALUES (?, ?)').run(1e12 + id, name.toLowerCase());
    }
    old.close();

    const { api, core } = tempCore({}, file);
    expect(core.workspace.sqlite.prepare('SELECT count(*) FROM search_entries').pluck().get()).toBe(names.length);
    const list = async () => (await api.people.contacts.list({ search: 'quill', sort: 'name', order: 'asc', limit: 50 })).rows.map((row) => row.name);
    expect(await list()).toEqual(['Adam Quill', 'Mia Quill', 'Zoe Quill', '王丽 Quill']);
    expect((await api.people.contacts.list({ search: 'quill', sort: 'name', order: 'desc', limit: 2 })).rows.map((row) => row.name)).toEqual(['王丽 Quill', 'Zoe Quill']);

    // A rename moves the entry to its new place in the order; the old text is gone.
    const zoe = await api.people.contacts.get({ id: 1 });
    await api.people.contacts.update({ id: 1, version: zoe.version, patch: { name: 'Aaron Quill' } });
    expect(await list()).toEqual(['Aaron Quill', 'Adam Quill', 'Mia Quill', '王丽 Quill']);
    expect((await api.people.contacts.list({ search: 'zoe', sort: 'name', order: 'asc', limit: 50 })).rows).toEqual([]);
    expect(core.workspace.sqlite.prepare('SELECT count(*) FROM search_entries').pluck().get()).toBe(names.length);
    expect(core.workspace.sqlite.prepare('SELECT count(*) FROM search_trigram').pluck().get()).toBe(names.length);
  });
});

import type Database from 'better-sqlite3';
import type { TagRef } from '../contract/people';
import { RapportError, validation } from '../errors';
import { statement } from '../read/statements';
import type { FieldChange } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import { tags } from './schema';

type TaggedKind = 'contact' | 'company';
const LINK = {
  contact: { table: 'contact_tags', column: 'contact_id' },
  company: { table: 'company_tags', column: 'company_id' },
} as const;

export function listTags(workspace: Workspace): TagRef[] {
  return statement(workspace.sqlite, 'SELECT id, name, color FROM tags WHERE deleted_at IS NULL ORDER BY lower(name)').all() as TagRef[];
}

export function createTag(workspace: Workspace, input: { name: string; color: string | null }): TagRef {
  return write(workspace, (writer) => {
    const clash = writer.sqlite.prepare('SELECT id FROM tags WHERE lower(name) = lower(?)').get(input.name);
    if (clash) throw new RapportError('VALIDATION', 'A tag with this name exists', { issues: [{ path: 'name', message: 'A tag with this name exists' }] });
    const id = writer.insert(tags, { name: input.name, color: input.color });
    return { id, name: input.name, color: input.color };
  });
}

/** Tags of many records at once (list pages): record id → tags. */
export function tagsFor(sqlite: Database.Database, kind: TaggedKind, ids: number[]): Map<number, TagRef[]> {
  const result = new Map<number, TagRef[]>();
  if (ids.length === 0) return result;
  const { table, column } = LINK[kind];
  // One record (a record page) is the common case: a plain equality avoids building JSON.
  const single = ids.length === 1;
  const rows = statement(
    sqlite,
    `SELECT l.${column} AS owner, t.id, t.name, t.color FROM ${table} l JOIN tags t ON t.id = l.tag_id
     WHERE l.${column} ${single ? '= ?' : 'IN (SELECT value FROM json_each(?))'} AND t.deleted_at IS NULL ORDER BY lower(t.name)`,
  ).all(single ? ids[0] : JSON.stringify(ids)) as (TagRef & { owner: number })[];
  for (const { owner, ...tag } of rows) {
    const list = result.get(owner) ?? [];
    list.push(tag);
    result.set(owner, list);
  }
  return result;
}

export function checkTagIds(sqlite: Database.Database, tagIds: number[], path = 'tagIds'): void {
  if (tagIds.length === 0) return;
  const found = (
    sqlite.prepare('SELECT id FROM tags WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))').all(JSON.stringify(tagIds)) as {
      id: number;
    }[]
  ).map((row) => row.id);
  const missing = tagIds.findIndex((tagId) => !found.includes(tagId));
  if (missing >= 0) throw validation(`${path}.${missing}`, `Tag ${tagIds[missing]} does not exist`);
}

/**
 * The audit entry for setting a record's tags to `wanted` (null when they would not change), so the
 * history shows tag names, not ids. `wanted` must already have passed checkTagIds.
 */
export function tagChange(sqlite: Database.Database, current: TagRef[], wanted: number[] | undefined): FieldChange | null {
  if (wanted === undefined) return null;
  const unique = [...new Set(wanted)].sort((a, b) => a - b);
  if (JSON.stringify(current.map((tag) => tag.id).sort((a, b) => a - b)) === JSON.stringify(unique)) return null;
  const names = statement(sqlite, 'SELECT name FROM tags WHERE id IN (SELECT value FROM json_each(?)) ORDER BY lower(name)')
    .pluck()
    .all(JSON.stringify(unique)) as string[];
  return { field: 'tags', before: current.map((tag) => tag.name), after: names };
}

/** Replaces a record's tags inside the caller's transaction; returns the before/after names for the audit. */
export function replaceTags(
  sqlite: Database.Database,
  kind: TaggedKind,
  ownerId: number,
  tagIds: number[],
): { before: string[]; after: string[] } | null {
  const { table, column } = LINK[kind];
  const before = tagsFor(sqlite, kind, [ownerId]).get(ownerId) ?? [];
  const unique = [...new Set(tagIds)];
  const beforeIds = before.map((tag) => tag.id).sort((a, b) => a - b);
  if (JSON.stringify(beforeIds) === JSON.stringify([...unique].sort((a, b) => a - b))) return null;
  sqlite.prepare(`DELETE FROM ${table} WHERE ${column} = ?`).run(ownerId);
  const insert = sqlite.prepare(`INSERT INTO ${table} (${column}, tag_id) VALUES (?, ?)`);
  for (const tagId of unique) insert.run(ownerId, tagId);
  const after = tagsFor(sqlite, kind, [ownerId]).get(ownerId) ?? [];
  return { before: before.map((tag) => tag.name), after: after.map((tag) => tag.name) };
}

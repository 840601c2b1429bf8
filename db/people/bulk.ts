import type { z } from 'zod';
import type { bulkTag } from '../contract/people';
import { RapportError } from '../errors';
import { write } from '../write/transaction';
import type { Store } from '../workspace/store';
import { companies, contacts } from './schema';
import { checkTagIds, tagsFor, tagsReplacement } from './tags';

const TABLES = { contact: contacts, company: companies } as const;

/**
 * Adds or removes one tag on many records: one transaction, all or nothing; every record's version
 * is bumped and audited, so a concurrent editor sees a CONFLICT instead of silently losing the tag.
 */
export function bulkTagRecords(store: Store, input: z.output<typeof bulkTag>): { count: number } {
  return write(store, (writer) => {
    checkTagIds(writer.reads, [input.tagId], 'tagId');
    const table = TABLES[input.kind];
    const current = tagsFor(writer.reads, input.kind, input.ids);
    let count = 0;
    for (const id of new Set(input.ids)) {
      const row = writer.read(table, id);
      if (!row || row.deletedAt !== null) throw new RapportError('NOT_FOUND', `${input.kind} ${id} does not exist; nothing was changed.`);
      const tagIds = (current.get(id) ?? []).map((tag) => tag.id);
      const has = tagIds.includes(input.tagId);
      if (has === input.add) continue;
      const next = input.add ? [...tagIds, input.tagId] : tagIds.filter((tagId) => tagId !== input.tagId);
      writer.update(table, id, row.version, {}, { children: [tagsReplacement(input.kind, next)] });
      count++;
    }
    return { count };
  });
}



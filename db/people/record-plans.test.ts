import { fillPlaceholders, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectIndexed, usePlanWorkspace, type ExplainedQuery } from '../test-support/query-plans';
import { companyQuery } from './companies';
import { channelsQuery, contactQuery, duplicateQuery } from './contacts';
import { noteQuery, recordNotesQuery } from './notes';
import { tagsQuery } from './tags';

/**
 * The queries a contact page, a company page and a note run, and the duplicate warning's lookups,
 * explained from the very builders the production code runs, on a seeded file without ANALYZE:
 * every table they touch is reached through an index (a lookup, never a walk of the table).
 */

const plans = usePlanWorkspace();

/** A prepared builder query with its placeholders' values, as the production code runs it. */
function withValues(query: { toSQL(): { sql: string; params: unknown[] } }, values: Record<string, unknown>) {
  const { sql: text, params } = query.toSQL();
  return { sql: text, params: fillPlaceholders(params, values) };
}

/**
 * No full scan, and each step that reads a table is an index search. Staff (`users`) are a handful
 * of rows the planner may read whole for the joined name, as the shared plan helper allows.
 */
function expectLookup(query: ExplainedQuery, label: string, options: { sortedInTemp?: boolean } = {}): string {
  const plan = expectIndexed(plans.sqlite, query, label, options);
  const steps = plan.split(' | ').filter((step) => /^(SCAN|SEARCH) (?!users\b)/.test(step));
  expect(steps.length, `${label}\n${plan}`).toBeGreaterThan(0);
  for (const step of steps) expect(step, `${label}\n${plan}`).toMatch(/^SEARCH \w+ USING (INTEGER PRIMARY KEY|INDEX|COVERING INDEX) /);
  return plan;
}

describe('record page query plans without ANALYZE', () => {
  it("a contact page: the contact with its company's and owner's names, its channels, its tags, its notes", () => {
    const plan = expectLookup(withValues(contactQuery(plans.reads), { id: 1 }), 'contact');
    expect(plan).toMatch(/SEARCH contacts USING INTEGER PRIMARY KEY/);
    expect(plan).toMatch(/SEARCH companies USING INTEGER PRIMARY KEY/);
    expect(expectLookup(withValues(channelsQuery(plans.reads), { contactId: 1 }), 'channels')).toMatch(/contact_channels_contact_idx/);
    // A record's few tags are sorted by name after the lookup.
    expect(expectLookup(withValues(tagsQuery(plans.reads, 'contact', sql.placeholder('id')), { id: 1 }), 'contact tags', { sortedInTemp: true })).toMatch(/SEARCH contact_tags USING COVERING INDEX/);
    expect(expectLookup(withValues(recordNotesQuery(plans.reads, 'contact'), { id: 1 }), 'contact notes')).toMatch(/notes_contact_idx/);
  });

  it("a list page's tags: the page's ids as one JSON parameter, each a lookup of its links", () => {
    for (const kind of ['contact', 'company'] as const) {
      // json_each is the page's ids (a virtual table); each id is then a lookup, and the few tags sorted.
      const plan = expectIndexed(plans.sqlite, withValues(tagsQuery(plans.reads, kind, sql.placeholder('ids'), true), { ids: '[1,2,3]' }), `${kind} page tags`, { sortedInTemp: true });
      expect(plan).toMatch(new RegExp(`SEARCH ${kind}_tags USING (COVERING )?(INDEX|PRIMARY KEY)`));
    }
  });

  it("a company page: the company with its owner's name, its tags, its notes", () => {
    const plan = expectLookup(withValues(companyQuery(plans.reads), { id: 1 }), 'company');
    expect(plan).toMatch(/SEARCH companies USING INTEGER PRIMARY KEY/);
    expectLookup(withValues(tagsQuery(plans.reads, 'company', sql.placeholder('id')), { id: 1 }), 'company tags', { sortedInTemp: true });
    expect(expectLookup(withValues(recordNotesQuery(plans.reads, 'company'), { id: 1 }), 'company notes')).toMatch(/notes_company_idx/);
  });

  it("a note with its author's name", () => {
    expect(expectLookup(withValues(noteQuery(plans.reads), { id: 1 }), 'note')).toMatch(/SEARCH notes USING INTEGER PRIMARY KEY/);
  });

  it('the duplicate warning: contacts by normalized email and by phone digits', () => {
    for (const [kind, value] of [
      ['email', 'someone@example.com'],
      ['phone', '13800138000'],
    ] as const) {
      const plan = expectLookup(withValues(duplicateQuery(plans.reads), { kind, normalized: value, excludeId: 0 }), `duplicates by ${kind}`);
      expect(plan).toMatch(/contact_channels_lookup_idx/);
      expect(plan).toMatch(/SEARCH contacts USING INTEGER PRIMARY KEY/);
    }
  });
});


/**
 * `npm run bench`: seeds a large workspace and times the hot paths through the API beside a
 * hand-written raw SQL baseline on the same file. Budgets live here, not in unit tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appRouter } from '../api/router';
import { openCore } from '../api/core';
import { getContact, listContacts } from '../people/contacts';
import { matchingIdsSql } from '../search/index';
import { searchAll } from '../system/search';
import { compare, report, type BenchResult } from './measure';
import { measureBrowserHostMemory } from './host-memory';
import { salesHotPaths } from './sales-paths';
import { seedLargeWorkspace, seedSales } from './seed';

const SIZE = { contacts: 100_000, companies: 20_000 };
const SALES = { deals: 50_000, activities: 1_000_000, orders: 50_000, linesPerOrder: 4 };
const RUNS = Number(process.env.BENCH_RUNS ?? 300);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
  const file = path.join(dir, 'bench.db');
  try {
    const core = openCore(file, { probeLocks: false });
    const { workspace } = core;
    const { sqlite } = workspace;
    const seedStarted = Date.now();
    seedLargeWorkspace(sqlite, SIZE, core.workspace.userId);
    const seedMs = Date.now() - seedStarted;
    console.log(`Seeded ${SIZE.contacts} contacts and ${SIZE.companies} companies in ${(seedMs / 1000).toFixed(1)} s (budget 15 s)`);
    const salesStarted = Date.now();
    seedSales(sqlite, { ...SALES, ...SIZE }, core.workspace.userId);
    console.log(
      `Seeded ${SALES.deals} deals, ${SALES.activities} activities, ${SALES.orders * SALES.linesPerOrder} order lines in ${((Date.now() - salesStarted) / 1000).toFixed(1)} s`,
    );
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.exec('ANALYZE');
    const api = appRouter.createCaller(core.context());
    const results: BenchResult[] = [];

    // List page: 50 rows, sorted by name, filtered by lifecycle, with the total on the first page.
    const rawList = sqlite.prepare(
      `SELECT c.id, c.name, c.sort_name, c.job_title, c.company_id, co.name AS company_name,
         (SELECT value FROM contact_channels ch WHERE ch.contact_id = c.id AND ch.kind = 'email' ORDER BY ch.position LIMIT 1) AS email,
         (SELECT value FROM contact_channels ch WHERE ch.contact_id = c.id AND ch.kind = 'phone' ORDER BY ch.position LIMIT 1) AS phone,
         c.lifecycle, c.owner_id, u.name AS owner_name, c.vip, c.city, c.version, c.created_at, c.updated_at
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id LEFT JOIN users u ON u.id = c.owner_id
       WHERE c.deleted_at IS NULL AND c.lifecycle = ? AND (c.sort_name, c.id) > (?, ?) ORDER BY c.sort_name, c.id LIMIT 51`,
    );
    const rawTags = sqlite.prepare(
      `SELECT l.contact_id, t.id, t.name, t.color FROM contact_tags l JOIN tags t ON t.id = l.tag_id WHERE l.contact_id IN (SELECT value FROM json_each(?))`,
    );
    const rawCount = sqlite.prepare(`SELECT count(*) FROM contacts c WHERE c.deleted_at IS NULL AND c.lifecycle = ?`).pluck();
    const rawPage = (after: readonly [string, number], withCount: boolean) => {
      const rows = rawList.all('customer', after[0], after[1]) as { id: number }[];
      rawTags.all(JSON.stringify(rows.map((row) => row.id)));
      if (withCount) rawCount.get('customer');
    };
    const firstPage = listContacts(workspace, { lifecycle: 'customer', sort: 'name', order: 'asc', limit: 50 });
    const cursor = firstPage.nextCursor!;
    const last = sqlite.prepare('SELECT sort_name, id FROM contacts WHERE id = ?').get(firstPage.rows.at(-1)!.id) as { sort_name: string; id: number };
    results.push({
      name: 'contact list page (50, sorted, filtered, with count)',
      ...(await compare(RUNS, {
        api: () => api.people.contacts.list({ lifecycle: 'customer', sort: 'name', limit: 50 }),
        core: () => listContacts(workspace, { lifecycle: 'customer', sort: 'name', order: 'asc', limit: 50 }),
        raw: () => rawPage(['', 0], true),
      })),
      budgetMs: 10,
      maxRatio: 1.5,
    });
    results.push({
      name: 'contact list next page (keyset cursor)',
      ...(await compare(RUNS, {
        api: () => api.people.contacts.list({ lifecycle: 'customer', sort: 'name', limit: 50, cursor }),
        core: () => listContacts(workspace, { lifecycle: 'customer', sort: 'name', order: 'asc', limit: 50, cursor }),
        raw: () => rawPage([last.sort_name, last.id], false),
      })),
      budgetMs: 10,
      maxRatio: 1.5,
    });

    // Search: a mix of Latin, Chinese, phone digits and 1-2 character queries, ranked like the palette.
    const queries = ['wang', '张伟', 'li', '138', 'smith', '王', 'harbor', 'example.cn', 'a', 'zhang wei'];
    const rawSearch = (query: string) => {
      const prefix = query.toLowerCase();
      const contactMatch = matchingIdsSql('contact', query, { limit: 2000 })!;
      const contacts = sqlite
        .prepare(
          `SELECT c.id, c.name, co.name AS company_name,
             (SELECT value FROM contact_channels ch WHERE ch.contact_id = c.id ORDER BY ch.kind, ch.position LIMIT 1) AS channel
           FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
           WHERE c.id IN (${contactMatch.sql}) AND c.deleted_at IS NULL ORDER BY instr(c.sort_name, ?) = 1 DESC, c.sort_name LIMIT 20`,
        )
        .all(...contactMatch.params, prefix);
      if (contacts.length >= 20) return;
      const companyMatch = matchingIdsSql('company', query, { limit: 2000 })!;
      const companies = sqlite
        .prepare(
          `SELECT co.id, co.name, co.city FROM companies co WHERE co.id IN (${companyMatch.sql}) AND co.deleted_at IS NULL
           ORDER BY instr(co.sort_name, ?) = 1 DESC, co.sort_name LIMIT ?`,
        )
        .all(...companyMatch.params, prefix, 20 - contacts.length);
      if (contacts.length + companies.length >= 20) return;
      const noteMatch = matchingIdsSql('note', query, { limit: 2000 })!;
      sqlite.prepare(`SELECT id, body FROM notes WHERE id IN (${noteMatch.sql}) AND deleted_at IS NULL LIMIT 20`).all(...noteMatch.params);
    };
    results.push({
      name: `global search (${queries.length} queries, 20 hits)`,
      ...(await compare(RUNS, {
        api: (run) => api.system.search({ query: queries[run % queries.length]!, limit: 20 }),
        core: (run) => searchAll(workspace, { query: queries[run % queries.length]!, limit: 20 }),
        raw: (run) => rawSearch(queries[run % queries.length]!),
      })),
      budgetMs: 25,
      maxRatio: 1.5,
    });

    // Contact page: the record with its company, owner, channels and tags.
    const rawContact = sqlite.prepare(
      `SELECT c.*, co.name AS company_name, u.name AS owner_name FROM contacts c
       LEFT JOIN companies co ON co.id = c.company_id LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?`,
    );
    const rawChannels = sqlite.prepare('SELECT kind, label, value FROM contact_channels WHERE contact_id = ? ORDER BY kind, position');
    const rawContactTags = sqlite.prepare('SELECT t.id, t.name, t.color FROM contact_tags l JOIN tags t ON t.id = l.tag_id WHERE l.contact_id = ?');
    const ids = Array.from({ length: 1000 }, (_, index) => 1 + ((index * 7919) % SIZE.contacts));
    results.push({
      name: 'contact page (record, channels, tags)',
      ...(await compare(RUNS, {
        api: (run) => api.people.contacts.get({ id: ids[run % ids.length]! }),
        core: (run) => getContact(workspace, ids[run % ids.length]!),
        raw: (run) => {
          const id = ids[run % ids.length]!;
          rawContact.get(id);
          rawChannels.all(id);
          rawContactTags.all(id);
        },
      })),
      budgetMs: 10,
      maxRatio: 1.5,
    });
    results.push(...(await salesHotPaths(workspace, api)));
    core.close();

    const ok = report(results);
    const memory = await measureBrowserHostMemory(file);
    const memoryOk = memory.rssMb < 300;
    console.log(`Browser host resident memory serving this workspace: ${memory.rssMb.toFixed(0)} MB (budget 300 MB) ${memoryOk ? 'ok' : 'OVER'}`);
    const seedOk = seedMs < 15_000;
    if (!ok || !memoryOk || !seedOk) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

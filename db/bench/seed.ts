import type Database from 'better-sqlite3';
import { contactSearchParts } from '../people/contacts';
import { computeLine } from '../contract/money';
import { COMPANY_KIND_EN, INDUSTRIES, JOB_TITLES, pick, sampleCompanyName, samplePerson, seededRandom } from '../people/sample-names';
import { bulkIndexer } from '../search/index';
import { normalizeText, phoneDigits } from '../search/text';

/**
 * Runs `load` (the seeds below) the way a bulk import into a fresh file is fast, for the bench's
 * large scales: the seeded rows are consistent by construction, so foreign keys are not checked row
 * by row; the secondary indexes are dropped first and rebuilt once afterwards from their own CREATE
 * statements in sqlite_schema (one sorted build each instead of millions of random B-tree inserts,
 * which dominated the 1M seed); the rows are written straight to the file without a journal and
 * with a page cache large enough to hold the working set. The file ends as the migrations left it
 * (same indexes, WAL, foreign keys on), only with packed index pages, as after a VACUUM. `sqlite`
 * must be the file's only connection. (The plan tests seed the same rows with foreign keys on, so
 * a seed that pointed nowhere would fail there.)
 */
export function bulkLoad(sqlite: Database.Database, load: () => void): void {
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE 'search_%'`)
    .all() as { name: string; sql: string }[];
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const journalMode = String(sqlite.pragma('journal_mode', { simple: true }));
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma(`journal_mode = OFF`);
  sqlite.pragma('cache_size = -1000000');
  try {
    sqlite.transaction(() => {
      for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
    })();
    load();
    sqlite.transaction(() => {
      for (const index of indexes) sqlite.exec(index.sql);
    })();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`journal_mode = ${journalMode}`);
    sqlite.pragma('foreign_keys = ON');
  }
}

export interface SeedSize {
  contacts: number;
  companies: number;
}

const LIFECYCLES = ['lead', 'prospect', 'customer', 'inactive'] as const;

/**
 * Bulk-loads a large workspace for benchmarks with prepared inserts in one transaction. It skips the
 * audit log and change feed (history is not what is measured) but fills the same tables and the
 * same search index rows the write path would.
 */
export function seedLargeWorkspace(sqlite: Database.Database, size: SeedSize, ownerId: number): void {
  const random = seededRandom(42);
  const now = Date.now();
  const insertCompany = sqlite.prepare(
    `INSERT INTO companies (id, name, sort_name, industry, phone, city, owner_id, version, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const insertContact = sqlite.prepare(
    `INSERT INTO contacts (id, name, sort_name, job_title, company_id, city, lifecycle, owner_id, vip, version, created_at, updated_at, created_by, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const insertChannel = sqlite.prepare(
    `INSERT INTO contact_channels (contact_id, kind, label, value, normalized, position) VALUES (?, ?, ?, ?, ?, 0)`,
  );
  const insertTag = sqlite.prepare(`INSERT INTO tags (id, name, color, version, created_at, updated_at) VALUES (?, ?, NULL, 1, ?, ?)`);
  const tagContact = sqlite.prepare(`INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?)`);
  sqlite.transaction(() => {
    const searchIndex = bulkIndexer(sqlite);
    for (let tag = 1; tag <= 20; tag++) insertTag.run(tag, `Tag ${tag}`, now, now);
    const companyNames: string[] = [];
    for (let id = 1; id <= size.companies; id++) {
      const name = `${sampleCompanyName(random).name} ${id}`;
      const person = samplePerson(random, id);
      companyNames.push(name);
      const at = now - Math.floor(random() * 3e10);
      insertCompany.run(id, name, normalizeText(name), pick(random, INDUSTRIES), person.phone, person.city, ownerId, at, at, ownerId, ownerId);
      searchIndex.add('company', id, [name, person.phone, phoneDigits(person.phone), person.city]);
    }
    for (let id = 1; id <= size.contacts; id++) {
      const person = samplePerson(random, id);
      const companyId = random() < 0.8 ? 1 + Math.floor(random() * size.companies) : null;
      const jobTitle = random() < 0.5 ? pick(random, JOB_TITLES) : null;
      const at = now - Math.floor(random() * 3e10);
      insertContact.run(
        id, person.name, normalizeText(person.name), jobTitle, companyId, person.city,
        pick(random, LIFECYCLES), ownerId, random() < 0.05 ? 1 : 0, at, at, ownerId, ownerId,
      );
      insertChannel.run(id, 'email', 'work', person.email, person.email);
      insertChannel.run(id, 'phone', 'mobile', person.phone, phoneDigits(person.phone));
      if (random() < 0.3) tagContact.run(id, 1 + Math.floor(random() * 20));
      searchIndex.add(
        'contact',
        id,
        contactSearchParts({
          name: person.name,
          jobTitle,
          companyName: companyId ? companyNames[companyId - 1]! : null,
          emails: [{ value: person.email }],
          phones: [{ value: person.phone }],
          address: { city: person.city },
        }),
      );
    }
    searchIndex.finish();
  })();
}

export interface SalesSeedSize {
  deals: number;
  activities: number;
  orders: number;
  linesPerOrder: number;
}

const CHANNELS = ['call', 'email', 'sms', 'meeting', 'visit', 'fax', 'web', 'note'] as const;
const REVENUE = ['placed', 'paid', 'shipped', 'delivered', 'returned'] as const;

/**
 * Deals spread over the default pipeline's stages and the next twelve months, a long tail of
 * activities (every contact has some, a few have thousands), and orders with lines and events.
 */
export function seedSales(sqlite: Database.Database, size: SalesSeedSize & { contacts: number; companies: number }, ownerId: number): void {
  const random = seededRandom(7);
  const now = Date.now();
  const stages = sqlite.prepare('SELECT id, pipeline_id, kind FROM stages ORDER BY position').all() as { id: number; pipeline_id: number; kind: string }[];
  const insertDeal = sqlite.prepare(
    `INSERT INTO deals (id, title, sort_title, contact_id, company_id, amount_minor, currency, expected_close_date, owner_id, pipeline_id, stage_id, status, closed_at, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertHistory = sqlite.prepare('INSERT INTO deal_stage_history (deal_id, stage_id, entered_at) VALUES (?, ?, ?)');
  const insertActivity = sqlite.prepare(
    `INSERT INTO activities (channel, direction, subject, occurred_at, contact_id, company_id, deal_id, created_by, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertOrder = sqlite.prepare(
    `INSERT INTO orders (id, kind, number, status, contact_id, company_id, currency, subtotal_minor, discount_minor, total_minor, issued_at, version, created_at, updated_at)
     VALUES (?, 'order', ?, ?, ?, ?, 'USD', ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertLine = sqlite.prepare(
    `INSERT INTO order_lines (order_id, position, description, quantity, unit_price_minor, discount_type, discount_value, gross_minor, discount_minor, total_minor)
     VALUES (?, ?, ?, ?, ?, 'percent', ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare('INSERT INTO order_events (order_id, status, at) VALUES (?, ?, ?)');
  sqlite.transaction(() => {
    const searchIndex = bulkIndexer(sqlite);
    for (let id = 1; id <= size.deals; id++) {
      const stage = pick(random, stages);
      const month = new Date(now + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
      const at = now - Math.floor(random() * 3e10);
      const title = `Deal ${id} ${pick(random, COMPANY_KIND_EN)}`;
      insertDeal.run(
        id, title, normalizeText(title), 1 + Math.floor(random() * size.contacts), 1 + Math.floor(random() * size.companies),
        Math.floor(random() * 5_000_000), month, ownerId, stage.pipeline_id, stage.id, stage.kind,
        stage.kind === 'open' ? null : now - Math.floor(random() * 3e10), at, at,
      );
      insertHistory.run(id, stage.id, at);
      searchIndex.add('deal', id, [title]);
    }
    searchIndex.finish();
    for (let index = 0; index < size.activities; index++) {
      // Skewed: a tenth of the activities belong to the first hundred contacts (the busiest customers).
      const contactId = random() < 0.1 ? 1 + Math.floor(random() * 100) : 1 + Math.floor(random() * size.contacts);
      const at = now - Math.floor(random() * 3e10);
      insertActivity.run(
        pick(random, CHANNELS), random() < 0.5 ? 'inbound' : 'outbound', `Touchpoint ${index}`, at, contactId,
        random() < 0.3 ? 1 + Math.floor(random() * size.companies) : null, random() < 0.2 ? 1 + Math.floor(random() * size.deals) : null,
        ownerId, at, at,
      );
    }
    for (let id = 1; id <= size.orders; id++) {
      let subtotal = 0;
      let discount = 0;
      const lines: unknown[][] = [];
      for (let position = 0; position < size.linesPerOrder; position++) {
        const quantity = 1 + Math.floor(random() * 10);
        const price = 100 + Math.floor(random() * 100_000);
        const basisPoints = random() < 0.3 ? 1000 : 0;
        const line = computeLine(quantity, price, basisPoints ? { type: 'percent', basisPoints } : { type: 'none' });
        subtotal += line.grossMinor;
        discount += line.discountMinor;
        lines.push([id, position, `Item ${position}`, quantity, price, basisPoints, line.grossMinor, line.discountMinor, line.totalMinor]);
      }
      const at = now - Math.floor(random() * 3e10);
      const status = pick(random, REVENUE);
      insertOrder.run(
        id, `SO-${String(id).padStart(6, '0')}`, status, 1 + Math.floor(random() * size.contacts), null,
        subtotal, discount, subtotal - discount, at, at, at,
      );
      for (const line of lines) insertLine.run(...line);
      insertEvent.run(id, 'placed', at);
      if (status !== 'placed') insertEvent.run(id, status, at + 86_400_000);
    }
  })();
}

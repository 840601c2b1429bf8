import type Database from 'better-sqlite3';
import { contactSearchParts } from '../people/contacts';
import { INDUSTRIES, JOB_TITLES, pick, sampleCompanyName, samplePerson, seededRandom } from '../people/sample-names';
import { indexRecord } from '../search/index';
import { normalizeText, phoneDigits } from '../search/text';

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
    for (let tag = 1; tag <= 20; tag++) insertTag.run(tag, `Tag ${tag}`, now, now);
    const companyNames: string[] = [];
    for (let id = 1; id <= size.companies; id++) {
      const name = `${sampleCompanyName(random).name} ${id}`;
      const person = samplePerson(random, id);
      companyNames.push(name);
      const at = now - Math.floor(random() * 3e10);
      insertCompany.run(id, name, normalizeText(name), pick(random, INDUSTRIES), person.phone, person.city, ownerId, at, at, ownerId, ownerId);
      indexRecord(sqlite, 'company', id, [name, person.phone, phoneDigits(person.phone), person.city]);
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
      indexRecord(
        sqlite,
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
  })();
}

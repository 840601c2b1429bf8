import { LIFECYCLE_STAGES, CONTACT_SOURCES } from '../contract/people';
import { indexRecord } from '../search/index';
import type { RecordWriter } from '../write/record-writer';
import { insertCompany } from './companies';
import { insertContact } from './contacts';
import { notes, tags } from './schema';
import { INDUSTRIES, JOB_TITLES, SAMPLE_NOTES, SAMPLE_TAGS, pick, sampleCompanyName, samplePerson, seededRandom } from './sample-names';

const SAMPLE_COMPANIES = 60;
const SAMPLE_CONTACTS = 300;

/**
 * Fills a new workspace with a few hundred realistic people through the normal write path, so the
 * sample data has history, search rows and change-feed entries like anything a user typed.
 * Runs inside the caller's transaction (all or nothing).
 */
export function loadSampleData(writer: RecordWriter): { contactIds: number[]; companyIds: number[] } {
  const random = seededRandom(20261125);
  const ownerId = writer.workspace.userId || null;
  const tagIds = SAMPLE_TAGS.map((tag) => writer.insert(tags, tag));
  const usedCompanyNames = new Set<string>();
  const companyIds: number[] = [];
  while (companyIds.length < SAMPLE_COMPANIES) {
    const { name, chinese } = sampleCompanyName(random);
    if (usedCompanyNames.has(name)) continue;
    usedCompanyNames.add(name);
    const contactPoint = samplePerson(random, companyIds.length);
    companyIds.push(
      insertCompany(writer, {
        name,
        industry: pick(random, INDUSTRIES),
        website: chinese ? null : `https://www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        email: null,
        phone: contactPoint.phone,
        address: { street: null, city: contactPoint.city, region: null, postalCode: null, country: chinese ? '中国' : null },
        ownerId,
        tagIds: random() < 0.2 ? [pick(random, tagIds)] : [],
      }),
    );
  }
  const contactIds: number[] = [];
  for (let serial = 0; serial < SAMPLE_CONTACTS; serial++) {
    const person = samplePerson(random, serial);
    const contactId = insertContact(writer, {
      name: person.name,
      jobTitle: random() < 0.6 ? pick(random, JOB_TITLES) : null,
      companyId: random() < 0.7 ? pick(random, companyIds) : null,
      emails: [{ label: 'work', value: person.email }],
      phones: [{ label: 'mobile', value: person.phone }],
      address: { street: null, city: person.city, region: null, postalCode: null, country: person.chinese ? '中国' : null },
      birthday: random() < 0.3 ? `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null,
      source: pick(random, CONTACT_SOURCES),
      lifecycle: pick(random, LIFECYCLE_STAGES),
      ownerId,
      vip: random() < 0.08,
      creditRating: random() < 0.5 ? pick(random, ['A', 'B', 'C', 'D'] as const) : null,
      doNotContact: { email: random() < 0.05, phone: false, sms: random() < 0.05, mail: false },
      tagIds: random() < 0.35 ? [pick(random, tagIds)] : [],
    });
    contactIds.push(contactId);
    if (random() < 0.25) {
      const body = pick(random, SAMPLE_NOTES);
      indexRecord(writer.sqlite, 'note', writer.insert(notes, { contactId, companyId: null, body }), [body]);
    }
  }
  return { contactIds, companyIds };
}

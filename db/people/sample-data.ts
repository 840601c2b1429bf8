import { LIFECYCLE_STAGES, CONTACT_SOURCES } from '../contract/people';
import type { RecordWriter } from '../write/record-writer';
import { insertCompany } from './companies';
import { insertContact } from './contacts';
import { notes, tags } from './schema';
import type { Locale } from '../contract/system';
import { pick, sampleCompanyName, samplePerson, seededRandom } from './sample-names';

const SAMPLE_COMPANIES = 60;
const SAMPLE_CONTACTS = 300;

/** What a shop in each language would have typed itself; customers' own names stay mixed. */
const SAMPLE_TEXT: Record<Locale, { chineseShare: number; industries: string[]; jobTitles: string[]; tags: { name: string; color: string }[]; notes: string[] }> = {
  en: {
    chineseShare: 0.25,
    industries: ['Retail', 'Food & Beverage', 'Wholesale', 'Services', 'Manufacturing', 'Health', 'Education', 'Technology'],
    jobTitles: ['Owner', 'Manager', 'Buyer', 'Accountant', 'Sales', 'Director'],
    tags: [
      { name: 'VIP', color: '#d97706' },
      { name: 'Regular', color: '#dc2626' },
      { name: 'Wholesale', color: '#2563eb' },
      { name: 'Newsletter', color: '#059669' },
      { name: 'Referral', color: '#7c3aed' },
    ],
    notes: [
      'Prefers to be called in the afternoon.',
      'Asked for a quote on the spring range.',
      'Give a small gift on the next visit.',
      'Price-sensitive: mention the discounts.',
      'Pays on time; good candidate for a loyalty discount.',
      'Met at the trade fair.',
    ],
  },
  'zh-CN': {
    chineseShare: 0.85,
    industries: ['零售', '餐饮', '批发', '服务', '制造', '医疗健康', '教育', '科技'],
    jobTitles: ['老板', '店长', '采购', '会计', '销售', '经理'],
    tags: [
      { name: 'VIP', color: '#d97706' },
      { name: '老客户', color: '#dc2626' },
      { name: '批发', color: '#2563eb' },
      { name: '订阅资讯', color: '#059669' },
      { name: '转介绍', color: '#7c3aed' },
    ],
    notes: ['喜欢下午联系。', '询问了春季新品的报价。', '下次来店时赠送小礼品。', '对价格比较敏感，注意折扣。', '按时付款，可以给会员折扣。', '在展会上认识的。'],
  },
};

/**
 * Fills a new workspace with a few hundred realistic people through the normal write path, so the
 * sample data has history, search rows and change-feed entries like anything a user typed.
 * Runs inside the caller's transaction (all or nothing).
 */
export function loadSampleData(writer: RecordWriter, locale: Locale): { contactIds: number[]; companyIds: number[] } {
  const text = SAMPLE_TEXT[locale];
  const random = seededRandom(20261125);
  const ownerId = writer.userId;
  const tagIds = text.tags.map((tag) => writer.insert(tags, tag));
  const usedCompanyNames = new Set<string>();
  const companyIds: number[] = [];
  while (companyIds.length < SAMPLE_COMPANIES) {
    const { name, chinese } = sampleCompanyName(random, text.chineseShare);
    if (usedCompanyNames.has(name)) continue;
    usedCompanyNames.add(name);
    const contactPoint = samplePerson(random, companyIds.length, text.chineseShare);
    companyIds.push(
      insertCompany(writer, {
        name,
        industry: pick(random, text.industries),
        website: chinese ? null : `https://www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        email: null,
        phone: contactPoint.phone,
        address: { street: null, city: contactPoint.city, region: null, postalCode: null, country: chinese ? (locale === 'zh-CN' ? '中国' : 'China') : null },
        ownerId,
        isPrivate: false,
        tagIds: random() < 0.2 ? [pick(random, tagIds)] : [],
      }),
    );
  }
  const contactIds: number[] = [];
  for (let serial = 0; serial < SAMPLE_CONTACTS; serial++) {
    const person = samplePerson(random, serial, text.chineseShare);
    const contactId = insertContact(writer, {
      name: person.name,
      jobTitle: random() < 0.6 ? pick(random, text.jobTitles) : null,
      companyId: random() < 0.7 ? pick(random, companyIds) : null,
      emails: [{ label: 'work', value: person.email }],
      phones: [{ label: 'mobile', value: person.phone }],
      address: { street: null, city: person.city, region: null, postalCode: null, country: person.chinese ? (locale === 'zh-CN' ? '中国' : 'China') : null },
      birthday: random() < 0.3 ? `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null,
      isPrivate: false,
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
      const body = pick(random, text.notes);
      writer.index('note', writer.insert(notes, { contactId, companyId: null, body }), [body]);
    }
  }
  return { contactIds, companyIds };
}

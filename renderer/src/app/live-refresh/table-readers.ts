import type { RecordKind } from '../../../../db/contract/record-kinds';

/**
 * Which queries read each table: when the change feed reports a table written, exactly these are
 * refetched. A query path names a router procedure or a whole sub-router (`people.contacts` covers
 * its list, page, duplicates and dependents); a reader with `input` matches only the queries asked
 * with those input values. Adding a table is one entry here; a test checks that every table of the
 * schema has one and that every path and input exists in the router.
 */
export type QueryReader = string | { path: string; input: Readonly<Record<string, string>> };

/** Staff names and the workspace's currency and locale show on nearly every screen. */
const EVERYTHING = ['people', 'sales', 'work', 'system'] as const;

/** A record's history panel reads the audit entries of that kind of record (and of its child rows). */
const history = (kind: RecordKind): QueryReader => ({ path: 'system.history', input: { kind } });

/** Everything that shows a contact's or a company's name, so a rename of either refetches it. */
const CUSTOMER_NAME_READERS: readonly QueryReader[] = [
  'people.contacts',
  'people.companies',
  // Deal rows (list, page, board cards) show their contact's and company's names; the forecast does not.
  'sales.deals.list',
  'sales.deals.get',
  'sales.deals.board',
  'sales.orders',
  'sales.customer',
  'work.activities.get',
  'work.tasks',
  'work.timeline',
  'system.search',
  'system.trash',
  'system.workspace.info',
];

export const TABLE_READERS: Readonly<Record<string, readonly QueryReader[]>> = {
  // people
  contacts: [...CUSTOMER_NAME_READERS, history('contact')],
  companies: [...CUSTOMER_NAME_READERS, history('company')],
  contact_channels: ['people.contacts', 'system.search', history('contact')],
  tags: ['people.tags', 'people.contacts', 'people.companies'],
  contact_tags: ['people.tags', 'people.contacts', history('contact')],
  company_tags: ['people.tags', 'people.companies', history('company')],
  notes: ['people.notes', 'work.timeline', 'system.search', 'system.trash', history('note')],
  // sales
  pipelines: ['sales.pipelines', 'sales.deals', history('pipeline')],
  stages: ['sales.pipelines', 'sales.deals', 'work.timeline', 'system.search', history('stage')],
  deals: [
    'sales.deals',
    'sales.pipelines',
    'sales.orders',
    'people.contacts.dependents',
    'people.companies.dependents',
    'work.activities.get',
    'work.tasks',
    'work.timeline',
    'system.search',
    'system.trash',
    history('deal'),
  ],
  deal_stage_history: ['sales.deals.get', 'work.timeline'],
  products: ['sales.products', 'sales.orders', 'system.trash', history('product')],
  orders: [
    'sales.orders',
    'sales.customer',
    'sales.deals.get',
    'people.contacts.dependents',
    'people.companies.dependents',
    'work.timeline',
    'system.trash',
    history('order'),
  ],
  order_lines: ['sales.orders', 'sales.customer', history('order')],
  order_events: ['sales.orders', 'work.timeline'],
  // work
  activities: ['work.activities', 'work.timeline', 'people.contacts.dependents', 'people.companies.dependents', 'system.trash', history('activity')],
  tasks: ['work.tasks', 'people.contacts.dependents', 'people.companies.dependents', 'system.trash', history('task')],
  // system
  users: EVERYTHING,
  settings: EVERYTHING,
  audit_log: ['system.history'],
  presence: ['system.workspace.info'],
  // The feed itself: read by the poller, never refetched as a query.
  changes: [],
};

import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { TimelineEntry, timelineInput } from '../contract/work';
import { notFound } from '../errors';
import { contacts, notes } from '../people/schema';
import { decodeCursor, encodeCursor } from '../read/keyset';
import { prerendered } from '../read/reads';
import type { Viewer } from '../read/viewer';
import { isOwnedTable, present, visibleLinks, visibleRow } from '../read/visibility';
import { dealStageHistory, deals, orderEvents, orders, stages } from '../sales/schema';
import { definitionOf } from '../system/registry';
import { users } from '../system/schema';
import type { Store } from '../workspace/store';
import { activities } from './schema';

type TimelineQuery = z.output<typeof timelineInput>;
type EntryType = TimelineEntry['type'];
type Target = TimelineQuery['target'];

/** Entries sort by time, then by this rank, then by id, all newest first. */
const RANK: Record<EntryType, number> = { activity: 4, note: 3, deal_stage: 2, order_status: 1 };

/** A timeline row as every source selects it: the entry's fields, and the record it links to. */
type EntryRow = Omit<TimelineEntry, 'type' | 'link'> & { linkId: number | null; linkLabel: string | null };

/** One source of a timeline and its page query (the plan tests explain exactly this). */
export interface TimelineSource {
  type: EntryType;
  query: SQL<EntryRow>;
}

const LINK_KIND = { activity: 'deal', note: null, deal_stage: 'deal', order_status: 'order' } as const;

/** The columns that say whose a source's rows are: on its own table, or (stage moves, order events) on the deal or order they belong to. */
interface Owner {
  table: SQLiteTable;
  id: SQLiteColumn;
  contactId: SQLiteColumn;
  companyId: SQLiteColumn;
  dealId: SQLiteColumn;
  /**
   * Name the owning rows by id (`id IN (…)`) rather than filter by the link: for sources sorted by
   * a joined table's time, so the planner starts from the link's index even when statistics say
   * most rows have no such link (orders without a deal), where it would otherwise read them all.
   */
  byId: boolean;
}

/**
 * Which rows belong to the target: its own, plus (for a company) its contacts'. The fixed text is
 * rendered once per source; a page binds only the target's id.
 */
function ownership(owner: Owner): Record<Target['kind'], (targetId: number) => SQL> {
  const { table, id } = owner;
  const byLink = (column: SQLiteColumn) => {
    const before = prerendered(owner.byId ? sql`${id} IN (SELECT ${id} FROM ${table} WHERE ${column} = ` : sql`${column} = `);
    const after = owner.byId ? sql.raw(')') : sql``;
    return (targetId: number) => sql`${before}${targetId}${after}`;
  };
  const companyOwn = prerendered(sql`${id} IN (SELECT ${id} FROM ${table} WHERE ${owner.companyId} = `);
  const companyContacts = prerendered(
    sql` UNION ALL SELECT ${id} FROM ${table} WHERE ${owner.contactId} IN (SELECT ${contacts.id} FROM ${contacts} WHERE ${contacts.companyId} = `,
  );
  return {
    contact: byLink(owner.contactId),
    deal: byLink(owner.dealId),
    company: (targetId) => sql`${companyOwn}${targetId}${companyContacts}${targetId}))`,
  };
}

const NO_DETAILS = sql`NULL AS channel, NULL AS direction, NULL AS outcome, NULL AS durationMinutes`;
const a = activities;
const h = dealStageHistory;
const e = orderEvents;

/** Each source's SELECT … FROM, naming the columns as `EntryRow` does. */
const SELECT_FROM: Record<EntryType, SQL> = {
  activity: prerendered(sql`SELECT ${a.id} AS id, ${a.occurredAt} AS at, ${a.subject} AS title, ${a.body} AS body, ${a.channel} AS channel,
      ${a.direction} AS direction, ${a.outcome} AS outcome, ${a.durationMinutes} AS durationMinutes, ${users.name} AS userName, ${a.version} AS version,
      ${a.dealId} AS linkId, ${deals.title} AS linkLabel
    FROM ${a} LEFT JOIN ${users} ON ${users.id} = ${a.createdBy} LEFT JOIN ${deals} ON ${deals.id} = ${a.dealId}`),
  note: prerendered(sql`SELECT ${notes.id} AS id, ${notes.createdAt} AS at, substr(${notes.body}, 1, 200) AS title, ${notes.body} AS body, ${NO_DETAILS},
      ${users.name} AS userName, ${notes.version} AS version, NULL AS linkId, NULL AS linkLabel
    FROM ${notes} LEFT JOIN ${users} ON ${users.id} = ${notes.createdBy}`),
  // The lost reason belongs to the move into the lost stage, while the deal stays there.
  deal_stage: prerendered(sql`SELECT ${h.id} AS id, ${h.enteredAt} AS at, ${stages.name} AS title,
      CASE WHEN ${stages.kind} = 'lost' AND ${h.leftAt} IS NULL THEN ${deals.lostReason} END AS body, ${NO_DETAILS},
      ${users.name} AS userName, NULL AS version, ${deals.id} AS linkId, ${deals.title} AS linkLabel
    FROM ${h} JOIN ${deals} ON ${deals.id} = ${h.dealId} JOIN ${stages} ON ${stages.id} = ${h.stageId} LEFT JOIN ${users} ON ${users.id} = ${h.userId}`),
  order_status: prerendered(sql`SELECT ${e.id} AS id, ${e.at} AS at, ${e.status} AS title, ${e.note} AS body, ${NO_DETAILS},
      ${users.name} AS userName, NULL AS version, ${orders.id} AS linkId, ${orders.number} AS linkLabel
    FROM ${e} JOIN ${orders} ON ${orders.id} = ${e.orderId} LEFT JOIN ${users} ON ${users.id} = ${e.userId}`),
};

/** Each source's time and id columns (its newest-first order) and whose its rows are. */
const SOURCE_COLUMNS: Record<EntryType, { at: SQLiteColumn; id: SQLiteColumn; deletedAt: SQLiteColumn; owner: Owner }> = {
  activity: { at: a.occurredAt, id: a.id, deletedAt: a.deletedAt, owner: { table: a, id: a.id, contactId: a.contactId, companyId: a.companyId, dealId: a.dealId, byId: false } },
  // A deal has no notes of its own (the deal id is never asked for).
  note: { at: notes.createdAt, id: notes.id, deletedAt: notes.deletedAt, owner: { table: notes, id: notes.id, contactId: notes.contactId, companyId: notes.companyId, dealId: notes.id, byId: false } },
  deal_stage: { at: h.enteredAt, id: h.id, deletedAt: deals.deletedAt, owner: { table: deals, id: deals.id, contactId: deals.contactId, companyId: deals.companyId, dealId: deals.id, byId: true } },
  order_status: { at: e.at, id: e.id, deletedAt: orders.deletedAt, owner: { table: orders, id: orders.id, contactId: orders.contactId, companyId: orders.companyId, dealId: orders.dealId, byId: true } },
};

/** Each source's fixed fragments, rendered once: what a page adds around its parameters. */
const RENDERED = Object.fromEntries(
  (Object.keys(SOURCE_COLUMNS) as EntryType[]).map((type) => {
    const { at, id, deletedAt, owner } = SOURCE_COLUMNS[type];
    return [
      type,
      {
        owned: ownership(owner),
        live: prerendered(sql` AND ${deletedAt} IS NULL`),
        atUpTo: prerendered(sql` AND ${at} <= `),
        atBefore: prerendered(sql` AND ${at} < `),
        atIdBefore: prerendered(sql` AND (${at}, ${id}) < (`),
        order: prerendered(sql` ORDER BY ${at} DESC, ${id} DESC LIMIT `),
      },
    ];
  }),
) as Record<EntryType, { owned: ReturnType<typeof ownership>; live: SQL; atUpTo: SQL; atBefore: SQL; atIdBefore: SQL; order: SQL }>;
const CHANNEL_IN = prerendered(sql` AND ${a.channel} IN (`);

/**
 * The per-source queries of one timeline page, each an index range scan newest first, limited to
 * `limit` rows: entries older than the cursor (ties broken by rank, then id) and, with `channels`,
 * only activities on those channels. `sql` templates rather than the builder: a timeline page is a
 * hot path, and the builder's rendering and row mapping cost several times the query itself.
 */
export function timelineSources(query: TimelineQuery, limit: number, viewer: Viewer): TimelineSource[] {
  const { target } = query;
  const cursor = query.cursor ? (decodeCursor(query.cursor, 3) as [number, number, number]) : null;
  // With a channel filter the timeline shows activities only; a deal has no notes of its own.
  const types = (Object.keys(RANK) as EntryType[]).filter((type) => (query.channels ? type === 'activity' : !(type === 'note' && target.kind === 'deal')));
  return types.map((type) => {
    const rendered = RENDERED[type];
    let olderThanCursor = sql``;
    if (cursor) {
      const [cursorAt, cursorRank, cursorId] = cursor;
      if (RANK[type] < cursorRank) olderThanCursor = sql`${rendered.atUpTo}${cursorAt}`;
      else if (RANK[type] > cursorRank) olderThanCursor = sql`${rendered.atBefore}${cursorAt}`;
      else olderThanCursor = sql`${rendered.atIdBefore}${cursorAt}, ${cursorId})`;
    }
    const channels =
      type === 'activity' && query.channels ? sql`${CHANNEL_IN}${sql.join(query.channels.map((channel) => sql`${channel}`), sql`, `)})` : sql``;
    const visible = visibleEntries(type, viewer).map((condition) => sql` AND ${condition}`);
    return {
      type,
      query: sql<EntryRow>`${SELECT_FROM[type]} WHERE ${rendered.owned[target.kind](target.id)}${rendered.live}${sql.join(visible)}${olderThanCursor}${channels}${rendered.order}${limit}`,
    };
  });
}

/**
 * What of a source `viewer` may see: entries of deals they may see (stage moves), and of activities,
 * notes and orders, those that belong to no private record hidden from them.
 */
function visibleEntries(type: EntryType, viewer: Viewer): SQL[] {
  if (type === 'deal_stage') return present([visibleRow(deals.id, deals, viewer)]);
  const { owner } = SOURCE_COLUMNS[type];
  return visibleLinks({ contactId: owner.contactId, companyId: owner.companyId, dealId: type === 'note' ? undefined : owner.dealId }, viewer);
}

function toEntry(type: EntryType, target: Target, { linkId, linkLabel, ...row }: EntryRow): TimelineEntry {
  // An activity links to its deal, except on that deal's own timeline.
  const linkKind = type === 'activity' && target.kind === 'deal' ? null : LINK_KIND[type];
  return { type, ...row, link: linkKind && linkId !== null ? { kind: linkKind, id: linkId, label: linkLabel ?? '' } : null };
}

/**
 * A record's story, newest first: its activities, notes, deal stage moves and order status
 * changes, merged from per-source index range scans so the first page stays cheap however long the
 * history is. A company's timeline includes what happened with its contacts.
 */
export function recordTimeline(store: Store, query: TimelineQuery): Page<TimelineEntry> {
  const { reads } = store;
  const { target } = query;
  const { table } = definitionOf(target.kind);
  const visible = isOwnedTable(table) ? visibleRow(table.id, table, reads.viewer) : null;
  if (reads.value(sql`SELECT 1 FROM ${table} WHERE ${sql.join([sql`${table.id} = ${target.id}`, ...present([visible])], sql` AND `)}`) === undefined) {
    throw notFound(target.kind, target.id);
  }
  const fetched = timelineSources(query, query.limit + 1, reads.viewer).flatMap((source) =>
    reads.all(source.query).map((row) => ({ ...toEntry(source.type, target, row), rank: RANK[source.type] })),
  );
  fetched.sort((a, b) => b.at - a.at || b.rank - a.rank || b.id - a.id);
  const page = fetched.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ rank: _rank, ...entry }) => entry),
    nextCursor: fetched.length > query.limit && last ? encodeCursor([last.at, last.rank, last.id]) : null,
    total: null,
  };
}

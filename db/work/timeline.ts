import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { TimelineEntry, timelineInput } from '../contract/work';
import { notFound } from '../errors';
import { decodeCursor, encodeCursor } from '../read/keyset';
import { statement } from '../read/statements';
import { tableNameOf } from '../system/registry';
import type { Workspace } from '../workspace/open';

type TimelineQuery = z.output<typeof timelineInput>;
type EntryType = TimelineEntry['type'];
type Target = TimelineQuery['target'];

/** Entries sort by time, then by this rank, then by id, all newest first. */
const RANK: Record<EntryType, number> = { activity: 4, note: 3, deal_stage: 2, order_status: 1 };

interface Source {
  type: EntryType;
  /** SELECT producing the entry columns plus `at` and `id`, filtered to the target; `{keyset}` marks where the cursor condition goes. */
  sql: string;
  params: (string | number)[];
}

/**
 * A record's story, newest first: its activities, notes, deal stage moves and order status
 * changes, merged from per-source index range scans so the first page stays cheap however long the
 * history is. A company's timeline includes what happened with its contacts.
 */
export function recordTimeline(workspace: Workspace, query: TimelineQuery): Page<TimelineEntry> {
  const { sqlite } = workspace;
  const { target } = query;
  if (!statement(sqlite, `SELECT 1 FROM ${tableNameOf(target.kind)} WHERE id = ?`).get(target.id)) throw notFound(target.kind, target.id);
  const cursor = query.cursor ? (decodeCursor(query.cursor, 3) as [number, number, number]) : null;
  const sources = timelineSources(target).filter((source) => !query.channels || source.type === 'activity');
  const fetched: (TimelineEntry & { rank: number })[] = [];
  for (const source of sources) {
    const rank = RANK[source.type];
    let condition = '';
    const params: (string | number)[] = [...source.params];
    if (cursor) {
      const [at, cursorRank, id] = cursor;
      if (rank < cursorRank) condition = 'AND at <= ?';
      else if (rank > cursorRank) condition = 'AND at < ?';
      else condition = 'AND (at, id) < (?, ?)';
      params.push(at);
      if (rank === cursorRank) params.push(id);
    }
    let channelFilter = '';
    if (query.channels && source.type === 'activity') {
      channelFilter = `AND channel IN (${query.channels.map(() => '?').join(', ')})`;
      params.push(...query.channels);
    }
    const sql = `SELECT * FROM (${source.sql}) WHERE 1 ${condition} ${channelFilter} ORDER BY at DESC, id DESC LIMIT ?`;
    const rows = statement(sqlite, sql).all(...params, query.limit + 1) as RawEntry[];
    fetched.push(...rows.map((row) => ({ ...toEntry(source.type, row), rank })));
  }
  fetched.sort((a, b) => b.at - a.at || b.rank - a.rank || b.id - a.id);
  const page = fetched.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ rank: _rank, ...entry }) => entry),
    nextCursor: fetched.length > query.limit && last ? encodeCursor([last.at, last.rank, last.id]) : null,
    total: null,
  };
}

interface RawEntry {
  id: number;
  at: number;
  title: string;
  body: string | null;
  channel: TimelineEntry['channel'];
  direction: TimelineEntry['direction'];
  outcome: string | null;
  duration_minutes: number | null;
  user_name: string | null;
  link_kind: 'contact' | 'company' | 'deal' | 'order' | null;
  link_id: number | null;
  link_label: string | null;
  version: number | null;
}

function toEntry(type: EntryType, row: RawEntry): TimelineEntry {
  return {
    type,
    id: row.id,
    at: row.at,
    title: row.title,
    body: row.body,
    channel: row.channel,
    direction: row.direction,
    outcome: row.outcome,
    durationMinutes: row.duration_minutes,
    userName: row.user_name,
    link: row.link_kind && row.link_id !== null ? { kind: row.link_kind, id: row.link_id, label: row.link_label ?? '' } : null,
    version: row.version,
  };
}

/** Which rows belong to the target: its own, plus (for a company) its contacts'. */
function ownership(target: Target, alias: string): { where: string; params: number[] } {
  if (target.kind === 'contact') return { where: `${alias}.contact_id = ?`, params: [target.id] };
  if (target.kind === 'deal') return { where: `${alias}.deal_id = ?`, params: [target.id] };
  return {
    where: `(${alias}.company_id = ? OR ${alias}.contact_id IN (SELECT id FROM contacts WHERE company_id = ?))`,
    params: [target.id, target.id],
  };
}

function timelineSources(target: Target): Source[] {
  const sources: Source[] = [];
  const activityOwner = ownership(target, 'a');
  sources.push({
    type: 'activity',
    sql: `SELECT a.id, a.occurred_at AS at, a.subject AS title, a.body, a.channel, a.direction, a.outcome, a.duration_minutes,
            u.name AS user_name, a.version,
            CASE WHEN a.deal_id IS NOT NULL AND ${target.kind !== 'deal' ? 1 : 0} THEN 'deal' END AS link_kind,
            CASE WHEN ${target.kind !== 'deal' ? 1 : 0} THEN a.deal_id END AS link_id,
            (SELECT title FROM deals WHERE id = a.deal_id) AS link_label
          FROM activities a LEFT JOIN users u ON u.id = a.created_by
          WHERE ${activityOwner.where} AND a.deleted_at IS NULL`,
    params: activityOwner.params,
  });
  if (target.kind !== 'deal') {
    const noteOwner = ownership(target, 'n');
    sources.push({
      type: 'note',
      sql: `SELECT n.id, n.created_at AS at, substr(n.body, 1, 200) AS title, n.body, NULL AS channel, NULL AS direction, NULL AS outcome,
              NULL AS duration_minutes, u.name AS user_name, n.version, NULL AS link_kind, NULL AS link_id, NULL AS link_label
            FROM notes n LEFT JOIN users u ON u.id = n.created_by WHERE ${noteOwner.where} AND n.deleted_at IS NULL`,
      params: noteOwner.params,
    });
  }
  const dealOwner = target.kind === 'deal' ? { where: 'd.id = ?', params: [target.id] } : ownership(target, 'd');
  sources.push({
    type: 'deal_stage',
    sql: `SELECT h.id, h.entered_at AS at, s.name AS title,
            CASE WHEN s.kind = 'lost' AND h.left_at IS NULL THEN d.lost_reason END AS body, NULL AS channel, NULL AS direction, NULL AS outcome,
            NULL AS duration_minutes, u.name AS user_name, NULL AS version, 'deal' AS link_kind, d.id AS link_id, d.title AS link_label
          FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id JOIN stages s ON s.id = h.stage_id LEFT JOIN users u ON u.id = h.user_id
          WHERE ${dealOwner.where} AND d.deleted_at IS NULL`,
    params: dealOwner.params,
  });
  const orderOwner = ownership(target, 'o');
  sources.push({
    type: 'order_status',
    sql: `SELECT e.id, e.at, e.status AS title, e.note AS body, NULL AS channel, NULL AS direction, NULL AS outcome,
            NULL AS duration_minutes, u.name AS user_name, NULL AS version, 'order' AS link_kind, o.id AS link_id, o.number AS link_label
          FROM order_events e JOIN orders o ON o.id = e.order_id LEFT JOIN users u ON u.id = e.user_id
          WHERE ${orderOwner.where} AND o.deleted_at IS NULL`,
    params: orderOwner.params,
  });
  return sources;
}


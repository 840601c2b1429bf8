import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { validation } from '../errors';
import type { Reads } from './reads';
import { statement } from './statements';

const LABELS = {
  contacts: 'Contact',
  companies: 'Company',
  users: 'User',
  deals: 'Deal',
  pipelines: 'Pipeline',
  stages: 'Stage',
  products: 'Product',
} as const;

/**
 * Kinds an input can name before their table exists (a deal's source campaign): every such id
 * dangles until the kind lands, and then its entry moves to LABELS.
 */
const NOT_YET = { campaigns: 'Campaigns' } as const;

/** A reference in input must point at a live row; a dangling id is reported on its field. */
export function requireLive(
  /** Area code passes its `Reads`; the raw connection is accepted until every area reads through `Reads`. */
  source: Reads | Database.Database,
  table: keyof typeof LABELS | keyof typeof NOT_YET,
  id: number | null | undefined,
  path: string,
): void {
  if (id == null) return;
  if (table in NOT_YET) throw validation(path, `${NOT_YET[table as keyof typeof NOT_YET]} are not in Rapport yet, so ${id} does not exist`);
  const live =
    'prepare' in source
      ? statement(source, `SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id)
      : source.get(sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id} AND deleted_at IS NULL`);
  if (!live) {
    throw validation(path, `${LABELS[table as keyof typeof LABELS]} ${id} does not exist`);
  }
}

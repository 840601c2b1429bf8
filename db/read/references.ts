import { and, eq, isNull, sql } from 'drizzle-orm';
import { validation } from '../errors';
import { companies, contacts } from '../people/schema';
import { deals, pipelines, products, stages } from '../sales/schema';
import { users } from '../system/schema';
import type { Reads } from './reads';
import { isOwnedTable, present, visibleRow } from './visibility';

const TABLES = { contacts, companies, users, deals, pipelines, stages, products } as const;

const LABELS: Record<keyof typeof TABLES, string> = {
  contacts: 'Contact',
  companies: 'Company',
  users: 'User',
  deals: 'Deal',
  pipelines: 'Pipeline',
  stages: 'Stage',
  products: 'Product',
};

/**
 * Kinds an input can name before their table exists (a deal's source campaign): every such id
 * dangles until the kind lands, and then its entry moves to TABLES.
 */
const NOT_YET = { campaigns: 'Campaigns' } as const;

/**
 * A reference in input must point at a live row; a dangling id is reported on its field.
 * Takes the read interface (`writer.reads` inside a write).
 */
export function requireLive(
  reads: Reads,
  table: keyof typeof TABLES | keyof typeof NOT_YET,
  id: number | null | undefined,
  path: string,
): void {
  if (id == null) return;
  if (table in NOT_YET) throw validation(path, `${NOT_YET[table as keyof typeof NOT_YET]} are not in Rapport yet, so ${id} does not exist`);
  const target = TABLES[table as keyof typeof TABLES];
  // A private record the caller may not see does not exist for them: linking to it is refused the same way.
  const visible = isOwnedTable(target) ? visibleRow(target.id, target, reads.viewer) : null;
  const live = reads.db
    .select({ one: sql<number>`1` })
    .from(target)
    .where(and(eq(target.id, id), isNull(target.deletedAt), ...present([visible])))
    .get();
  if (!live) throw validation(path, `${LABELS[table as keyof typeof TABLES]} ${id} does not exist`);
}

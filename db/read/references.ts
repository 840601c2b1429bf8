import type Database from 'better-sqlite3';
import { validation } from '../errors';
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

/** A reference in input must point at a live row; a dangling id is reported on its field. */
export function requireLive(sqlite: Database.Database, table: keyof typeof LABELS, id: number | null | undefined, path: string): void {
  if (id == null) return;
  if (!statement(sqlite, `SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id)) {
    throw validation(path, `${LABELS[table]} ${id} does not exist`);
  }
}

/**
 * Campaigns have no table yet, so every stored campaign id dangles. When campaigns land this
 * becomes `requireLive(sqlite, 'campaigns', …)`.
 */
export function refuseCampaignReference(id: number | null | undefined, path: string): void {
  if (id == null) return;
  throw validation(path, `Campaign ${id} does not exist (campaigns are not in Rapport yet)`);
}

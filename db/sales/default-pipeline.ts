import type Database from 'better-sqlite3';

const DEFAULT_STAGES = {
  en: { pipeline: 'Sales', stages: ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'] },
  'zh-CN': { pipeline: '销售', stages: ['线索', '已确认', '方案报价', '商务谈判', '赢单', '输单'] },
} as const;
const PROBABILITIES = [10, 25, 50, 75, 100, 0];
const KINDS = ['open', 'open', 'open', 'open', 'won', 'lost'];

/**
 * A workspace starts with one sensible pipeline in its language. Idempotent and safe when two PCs
 * open a new file at once: the check runs again under the write lock.
 */
export function ensureDefaultPipeline(sqlite: Database.Database, locale: string): void {
  // Opened with a migrations folder from before pipelines existed (tests play older builds so).
  if (!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pipelines'`).get()) return;
  if (sqlite.prepare('SELECT 1 FROM pipelines LIMIT 1').get()) return;
  const names = locale === 'zh-CN' ? DEFAULT_STAGES['zh-CN'] : DEFAULT_STAGES.en;
  sqlite.prepare('BEGIN IMMEDIATE').run();
  try {
    if (!sqlite.prepare('SELECT 1 FROM pipelines LIMIT 1').get()) {
      const now = Date.now();
      const pipelineId = sqlite
        .prepare('INSERT INTO pipelines (name, is_default, version, created_at, updated_at) VALUES (?, 1, 1, ?, ?)')
        .run(names.pipeline, now, now).lastInsertRowid;
      const insertStage = sqlite.prepare(
        'INSERT INTO stages (pipeline_id, name, position, probability, kind, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
      );
      names.stages.forEach((name, position) => insertStage.run(pipelineId, name, position, PROBABILITIES[position], KINDS[position], now, now));
    }
    sqlite.prepare('COMMIT').run();
  } catch (error) {
    if (sqlite.inTransaction) sqlite.prepare('ROLLBACK').run();
    throw error;
  }
}

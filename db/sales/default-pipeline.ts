import type Database from 'better-sqlite3';
import type { Locale } from '../contract/system';
import type { RecordWriter } from '../write/record-writer';
import { pipelines, stages } from './schema';

/** The pipeline a workspace starts with, in each language it can be created in. */
const DEFAULT_PIPELINE: Record<Locale, { pipeline: string; stages: string[] }> = {
  en: { pipeline: 'Sales', stages: ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'] },
  'zh-CN': { pipeline: '销售', stages: ['线索', '已确认', '方案报价', '商务谈判', '赢单', '输单'] },
};
const PROBABILITIES = [10, 25, 50, 75, 100, 0];
const KINDS = ['open', 'open', 'open', 'open', 'won', 'lost'];

function namesFor(locale: string) {
  return locale === 'zh-CN' ? DEFAULT_PIPELINE['zh-CN'] : DEFAULT_PIPELINE.en;
}

/**
 * A workspace starts with one sensible pipeline in its language, written inside the caller's
 * `write()` (attributed to the system) and audited. Idempotent and safe when two PCs open a new
 * file at once: the check runs under the write lock.
 */
export function ensureDefaultPipeline(writer: RecordWriter, locale: string): void {
  const { sqlite } = writer;
  // Opened with a migrations folder from before pipelines existed (tests play older builds so).
  if (!hasPipelinesTable(sqlite)) return;
  if (sqlite.prepare('SELECT 1 FROM pipelines LIMIT 1').get()) return;
  const names = namesFor(locale);
  const pipelineId = writer.insert(pipelines, { name: names.pipeline, isDefault: true });
  names.stages.forEach((name, position) =>
    writer.insert(stages, { pipelineId, name, position, probability: PROBABILITIES[position]!, kind: KINDS[position]! }),
  );
}

/** Whether opening must write the default pipeline: checked before taking the write lock. */
export function needsDefaultPipeline(sqlite: Database.Database): boolean {
  return hasPipelinesTable(sqlite) && !sqlite.prepare('SELECT 1 FROM pipelines LIMIT 1').get();
}

function hasPipelinesTable(sqlite: Database.Database): boolean {
  return Boolean(sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pipelines'`).get());
}

/**
 * First run in another language than the file was created in: the untouched default pipeline
 * takes the chosen language's names (through the writer, so the renames are audited). A pipeline
 * anyone edited, or one that already holds deals, is the user's own and keeps its names.
 */
export function localizeDefaultPipeline(writer: RecordWriter, locale: Locale): void {
  const names = namesFor(locale);
  const pipeline = writer.sqlite
    .prepare(`SELECT id, name, version FROM pipelines WHERE is_default = 1 AND deleted_at IS NULL ORDER BY id LIMIT 1`)
    .get() as { id: number; name: string; version: number } | undefined;
  if (!pipeline || pipeline.version !== 1) return;
  const rows = writer.sqlite
    .prepare(`SELECT id, name, position, version FROM stages WHERE pipeline_id = ? AND deleted_at IS NULL ORDER BY position`)
    .all(pipeline.id) as { id: number; name: string; position: number; version: number }[];
  const pristine = Object.values(DEFAULT_PIPELINE).some(
    (candidate) => candidate.pipeline === pipeline.name && rows.length === candidate.stages.length && rows.every((row, index) => row.version === 1 && row.name === candidate.stages[index]),
  );
  if (!pristine || writer.sqlite.prepare('SELECT 1 FROM deals WHERE pipeline_id = ? LIMIT 1').get(pipeline.id)) return;
  writer.update(pipelines, pipeline.id, pipeline.version, { name: names.pipeline });
  rows.forEach((row, index) => writer.update(stages, row.id, row.version, { name: names.stages[index]! }));
}

import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../contract/system';
import type { Reads } from '../read/reads';
import type { RecordWriter } from '../write/record-writer';
import { readStages } from './pipelines';
import { deals, pipelines, stages } from './schema';

/** The pipeline a workspace starts with, in each language it can be created in. */
const DEFAULT_PIPELINE: Record<Locale, { pipeline: string; stages: string[] }> = {
  en: { pipeline: 'Sales', stages: ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'] },
  'zh-CN': { pipeline: '销售', stages: ['线索', '已确认', '方案报价', '商务谈判', '赢单', '输单'] },
};
const PROBABILITIES = [10, 25, 50, 75, 100, 0];
const KINDS = ['open', 'open', 'open', 'open', 'won', 'lost'] as const;

function namesFor(locale: string) {
  return locale === 'zh-CN' ? DEFAULT_PIPELINE['zh-CN'] : DEFAULT_PIPELINE.en;
}

/**
 * A workspace starts with one sensible pipeline in its language, written inside the caller's
 * `write()` (attributed to the system) and audited. Idempotent and safe when two PCs open a new
 * file at once: the check runs under the write lock.
 */
export function ensureDefaultPipeline(writer: RecordWriter, locale: string): void {
  if (!needsDefaultPipeline(writer.reads)) return;
  const names = namesFor(locale);
  const pipelineId = writer.insert(pipelines, { name: names.pipeline, isDefault: true });
  names.stages.forEach((name, position) =>
    writer.insert(stages, { pipelineId, name, position, probability: PROBABILITIES[position]!, kind: KINDS[position]! }),
  );
}

/** Whether opening must write the default pipeline: checked before taking the write lock, and again under it. */
export function needsDefaultPipeline(reads: Reads): boolean {
  // Opened with a migrations folder from before pipelines existed (tests play older builds so).
  if (!hasPipelinesTable(reads)) return false;
  return !reads.db.select({ id: pipelines.id }).from(pipelines).limit(1).get();
}

function hasPipelinesTable(reads: Reads): boolean {
  return reads.get(sql`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pipelines'`) !== undefined;
}

/**
 * First run in another language than the file was created in: the untouched default pipeline
 * takes the chosen language's names (through the writer, so the renames are audited). A pipeline
 * anyone edited, or one that already holds deals, is the user's own and keeps its names.
 */
export function localizeDefaultPipeline(writer: RecordWriter, locale: Locale): void {
  const { reads } = writer;
  const names = namesFor(locale);
  const pipeline = reads.db
    .select({ id: pipelines.id, name: pipelines.name, version: pipelines.version })
    .from(pipelines)
    .where(and(eq(pipelines.isDefault, true), isNull(pipelines.deletedAt)))
    .orderBy(asc(pipelines.id))
    .limit(1)
    .get();
  if (!pipeline || pipeline.version !== 1) return;
  const rows = readStages(reads, pipeline.id);
  const pristine = Object.values(DEFAULT_PIPELINE).some(
    (candidate) => candidate.pipeline === pipeline.name && rows.length === candidate.stages.length && rows.every((row, index) => row.version === 1 && row.name === candidate.stages[index]),
  );
  if (!pristine || reads.db.select({ id: deals.id }).from(deals).where(eq(deals.pipelineId, pipeline.id)).limit(1).get()) return;
  writer.update(pipelines, pipeline.id, pipeline.version, { name: names.pipeline });
  rows.forEach((row, index) => writer.update(stages, row.id, row.version, { name: names.stages[index]! }));
}

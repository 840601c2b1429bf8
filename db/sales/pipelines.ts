import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Pipeline, Stage, pipelineCreate, stageCreate, stageUpdate } from '../contract/sales';
import { RapportError, notFound, validation } from '../errors';
import type { Reads } from '../read/reads';
import { requireLive } from '../read/references';
import { write } from '../write/transaction';
import type { RecordWriter } from '../write/record-writer';
import type { Store } from '../workspace/store';
import { deals, pipelines, stages } from './schema';

/** What a stage is as the API shows it (no bookkeeping but its version). */
const STAGE_COLUMNS = {
  id: stages.id,
  pipelineId: stages.pipelineId,
  name: stages.name,
  position: stages.position,
  probability: stages.probability,
  kind: stages.kind,
  version: stages.version,
};

/** A pipeline's live stages in board order; exported so the plan tests explain this very query. */
export function stagesQuery(reads: Reads, pipelineId: number) {
  return reads.db
    .select(STAGE_COLUMNS)
    .from(stages)
    .where(and(eq(stages.pipelineId, pipelineId), isNull(stages.deletedAt)))
    .orderBy(asc(stages.position), asc(stages.id));
}

export function readStages(reads: Reads, pipelineId: number): Stage[] {
  return stagesQuery(reads, pipelineId).all();
}

export function stageQuery(reads: Reads, id: number) {
  return reads.db
    .select(STAGE_COLUMNS)
    .from(stages)
    .where(and(eq(stages.id, id), isNull(stages.deletedAt)));
}

export function readStage(reads: Reads, id: number): Stage | undefined {
  return stageQuery(reads, id).get();
}

export function pipelineQuery(reads: Reads, id: number) {
  return reads.db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.id, id), isNull(pipelines.deletedAt)));
}

export function readPipeline(reads: Reads, id: number): Pipeline | undefined {
  const row = pipelineQuery(reads, id).get();
  if (!row) return undefined;
  return { ...row, stages: readStages(reads, id) };
}

export function getPipeline(store: Store, id: number): Pipeline {
  const pipeline = readPipeline(store.reads, id);
  if (!pipeline) throw notFound('Pipeline', id);
  return pipeline;
}

/** Live pipelines, the default first; exported so the plan tests explain this very query. */
export function pipelineIdsQuery(reads: Reads) {
  return reads.db
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(isNull(pipelines.deletedAt))
    .orderBy(desc(pipelines.isDefault), asc(pipelines.id));
}

export function listPipelines(store: Store): Pipeline[] {
  return pipelineIdsQuery(store.reads)
    .all()
    .map(({ id }) => readPipeline(store.reads, id)!);
}

export function defaultPipelineId(reads: Reads): number {
  const row = pipelineIdsQuery(reads).limit(1).get();
  if (!row) throw new RapportError('NOT_FOUND', 'This workspace has no pipeline yet.');
  return row.id;
}

export function createPipeline(store: Store, input: z.output<typeof pipelineCreate>): Pipeline {
  const id = write(store, (writer) => {
    const pipelineId = writer.insert(pipelines, { name: input.name, isDefault: false });
    input.stages.forEach((stage, position) => writer.insert(stages, { pipelineId, name: stage.name, probability: stage.probability, kind: stage.kind, position }));
    return pipelineId;
  });
  return getPipeline(store, id);
}

export function renamePipeline(store: Store, input: { id: number; version: number; name: string }): Pipeline {
  write(store, (writer) => {
    writer.update(pipelines, input.id, input.version, { name: input.name }, { describeCurrent: (id) => readPipeline(writer.reads, id) });
  });
  return getPipeline(store, input.id);
}

/** Whether any live deal sits in the stage; exported so the plan tests explain this very query. */
export function liveDealInStageQuery(reads: Reads, stageId: number) {
  return reads.db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.stageId, stageId), isNull(deals.deletedAt)))
    .limit(1);
}

function hasLiveDeals(reads: Reads, stageId: number): boolean {
  return liveDealInStageQuery(reads, stageId).get() !== undefined;
}

export function createStage(store: Store, input: z.output<typeof stageCreate>): Pipeline {
  write(store, (writer) => {
    requireLive(writer.reads, 'pipelines', input.pipelineId, 'pipelineId');
    const existing = readStages(writer.reads, input.pipelineId);
    if (existing.length >= 20) throw validation('name', 'A pipeline has at most 20 stages');
    // New open stages go before the first closed (won/lost) stage; closed ones at the end.
    const firstClosed = existing.findIndex((stage) => stage.kind !== 'open');
    const position = input.kind === 'open' && firstClosed >= 0 ? existing[firstClosed]!.position : (existing.at(-1)?.position ?? -1) + 1;
    for (const stage of existing) {
      if (stage.position >= position) writer.update(stages, stage.id, stage.version, { position: stage.position + 1 });
    }
    writer.insert(stages, { pipelineId: input.pipelineId, name: input.name, probability: input.probability, kind: input.kind, position });
  });
  return getPipeline(store, input.pipelineId);
}

export function updateStage(store: Store, input: z.output<typeof stageUpdate>): Pipeline {
  const stage = write(store, (writer) => {
    const current = readStage(writer.reads, input.id);
    if (!current) throw notFound('Stage', input.id);
    if (input.patch.kind && input.patch.kind !== current.kind) {
      if (hasLiveDeals(writer.reads, input.id)) throw validation('kind', 'Move this stage’s deals elsewhere before changing whether it is open, won or lost');
      checkKeepsClosedStages(writer.reads, current, 'kind');
    }
    writer.update(stages, input.id, input.version, input.patch, { describeCurrent: (id) => readStage(writer.reads, id) });
    return current;
  });
  return getPipeline(store, stage.pipelineId);
}

/** A pipeline always keeps at least one won and one lost stage, so deals can always be closed. */
function checkKeepsClosedStages(reads: Reads, leaving: Stage, path: string): void {
  if (leaving.kind === 'open') return;
  const sameKind = readStages(reads, leaving.pipelineId).filter((stage) => stage.kind === leaving.kind);
  if (sameKind.length <= 1) throw validation(path, `A pipeline needs at least one ${leaving.kind} stage`);
}

/**
 * Puts a pipeline's stages in a new order. The order belongs to the pipeline: the pipeline's
 * version guards it (a reorder made from a stale order gets CONFLICT) and its history records it.
 */
export function reorderStages(store: Store, input: { pipelineId: number; version: number; stageIds: number[] }): Pipeline {
  write(store, (writer) => {
    const current = readStages(writer.reads, input.pipelineId);
    const same =
      current.length === input.stageIds.length && new Set(input.stageIds).size === current.length && current.every((stage) => input.stageIds.includes(stage.id));
    if (!same) throw validation('stageIds', 'List every stage of the pipeline exactly once');
    const names = (ids: number[]) => ids.map((stageId) => current.find((stage) => stage.id === stageId)!.name);
    const before = current.map((stage) => stage.id);
    if (before.every((stageId, index) => input.stageIds[index] === stageId)) return;
    writer.update(pipelines, input.pipelineId, input.version, {}, {
      extraChanges: [{ field: 'stageOrder', before: names(before), after: names(input.stageIds) }],
      describeCurrent: (id) => readPipeline(writer.reads, id),
    });
    input.stageIds.forEach((stageId, position) => {
      const stage = current.find((candidate) => candidate.id === stageId)!;
      if (stage.position !== position) writer.update(stages, stage.id, stage.version, { position });
    });
  });
  return getPipeline(store, input.pipelineId);
}

export function removeStage(store: Store, input: { id: number; version: number }): Pipeline {
  const stage = write(store, (writer: RecordWriter) => {
    const current = readStage(writer.reads, input.id);
    if (!current) throw notFound('Stage', input.id);
    if (hasLiveDeals(writer.reads, input.id)) throw validation('id', 'Move this stage’s deals to another stage first');
    if (readStages(writer.reads, current.pipelineId).length <= 2) throw validation('id', 'A pipeline needs at least two stages');
    checkKeepsClosedStages(writer.reads, current, 'id');
    writer.softDelete(stages, input.id, input.version, (id) => readStage(writer.reads, id));
    return current;
  });
  return getPipeline(store, stage.pipelineId);
}

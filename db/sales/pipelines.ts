import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Pipeline, Stage, pipelineCreate, stageCreate, stageUpdate } from '../contract/sales';
import { RapportError, notFound, validation } from '../errors';
import { requireLive } from '../read/references';
import { recordMeta, type RecordMetaRow } from '../read/record-mapping';
import { statement } from '../read/statements';
import { write } from '../write/transaction';
import type { RecordWriter } from '../write/record-writer';
import type { Workspace } from '../workspace/open';
import { pipelines, stages } from './schema';

interface StageDbRow {
  id: number;
  pipeline_id: number;
  name: string;
  position: number;
  probability: number;
  kind: Stage['kind'];
  version: number;
}

export function readStages(sqlite: Database.Database, pipelineId: number): Stage[] {
  return (
    statement(
      sqlite,
      'SELECT id, pipeline_id, name, position, probability, kind, version FROM stages WHERE pipeline_id = ? AND deleted_at IS NULL ORDER BY position, id',
    ).all(pipelineId) as StageDbRow[]
  ).map(toStage);
}

export function readStage(sqlite: Database.Database, id: number): Stage | undefined {
  const row = statement(
    sqlite,
    'SELECT id, pipeline_id, name, position, probability, kind, version FROM stages WHERE id = ? AND deleted_at IS NULL',
  ).get(id) as StageDbRow | undefined;
  return row ? toStage(row) : undefined;
}

function toStage(row: StageDbRow): Stage {
  return { id: row.id, pipelineId: row.pipeline_id, name: row.name, position: row.position, probability: row.probability, kind: row.kind, version: row.version };
}

export function readPipeline(sqlite: Database.Database, id: number): Pipeline | undefined {
  const row = statement(sqlite, 'SELECT * FROM pipelines WHERE id = ? AND deleted_at IS NULL').get(id) as
    | (RecordMetaRow & { name: string; is_default: number })
    | undefined;
  if (!row) return undefined;
  return { name: row.name, isDefault: row.is_default === 1, stages: readStages(sqlite, id), ...recordMeta(row) };
}

export function getPipeline(workspace: Workspace, id: number): Pipeline {
  const pipeline = readPipeline(workspace.sqlite, id);
  if (!pipeline) throw notFound('Pipeline', id);
  return pipeline;
}

export function listPipelines(workspace: Workspace): Pipeline[] {
  const ids = statement(workspace.sqlite, 'SELECT id FROM pipelines WHERE deleted_at IS NULL ORDER BY is_default DESC, id').all() as { id: number }[];
  return ids.map(({ id }) => readPipeline(workspace.sqlite, id)!);
}

export function defaultPipelineId(sqlite: Database.Database): number {
  const row = statement(sqlite, 'SELECT id FROM pipelines WHERE deleted_at IS NULL ORDER BY is_default DESC, id LIMIT 1').get() as { id: number } | undefined;
  if (!row) throw new RapportError('NOT_FOUND', 'This workspace has no pipeline yet.');
  return row.id;
}

export function createPipeline(workspace: Workspace, input: z.output<typeof pipelineCreate>): Pipeline {
  const id = write(workspace, (writer) => {
    const pipelineId = writer.insert(pipelines, { name: input.name, isDefault: false });
    input.stages.forEach((stage, position) => writer.insert(stages, { pipelineId, name: stage.name, probability: stage.probability, kind: stage.kind, position }));
    return pipelineId;
  });
  return getPipeline(workspace, id);
}

export function renamePipeline(workspace: Workspace, input: { id: number; version: number; name: string }): Pipeline {
  write(workspace, (writer) => {
    writer.update(pipelines, input.id, input.version, { name: input.name }, { describeCurrent: (id) => readPipeline(writer.sqlite, id) });
  });
  return getPipeline(workspace, input.id);
}

function liveDealsInStage(sqlite: Database.Database, stageId: number): number {
  return (statement(sqlite, 'SELECT count(*) AS n FROM deals WHERE stage_id = ? AND deleted_at IS NULL').get(stageId) as { n: number }).n;
}

export function createStage(workspace: Workspace, input: z.output<typeof stageCreate>): Pipeline {
  write(workspace, (writer) => {
    requireLive(writer.sqlite, 'pipelines', input.pipelineId, 'pipelineId');
    const existing = readStages(writer.sqlite, input.pipelineId);
    if (existing.length >= 20) throw validation('name', 'A pipeline has at most 20 stages');
    // New open stages go before the first closed (won/lost) stage; closed ones at the end.
    const firstClosed = existing.findIndex((stage) => stage.kind !== 'open');
    const position = input.kind === 'open' && firstClosed >= 0 ? existing[firstClosed]!.position : (existing.at(-1)?.position ?? -1) + 1;
    for (const stage of existing) {
      if (stage.position >= position) writer.update(stages, stage.id, stage.version, { position: stage.position + 1 });
    }
    writer.insert(stages, { pipelineId: input.pipelineId, name: input.name, probability: input.probability, kind: input.kind, position });
  });
  return getPipeline(workspace, input.pipelineId);
}

export function updateStage(workspace: Workspace, input: z.output<typeof stageUpdate>): Pipeline {
  const stage = write(workspace, (writer) => {
    const current = readStage(writer.sqlite, input.id);
    if (!current) throw notFound('Stage', input.id);
    if (input.patch.kind && input.patch.kind !== current.kind) {
      if (liveDealsInStage(writer.sqlite, input.id) > 0) throw validation('kind', 'Move this stage’s deals elsewhere before changing whether it is open, won or lost');
      checkKeepsClosedStages(writer.sqlite, current, 'kind');
    }
    writer.update(stages, input.id, input.version, input.patch, { describeCurrent: (id) => readStage(writer.sqlite, id) });
    return current;
  });
  return getPipeline(workspace, stage.pipelineId);
}

/** A pipeline always keeps at least one won and one lost stage, so deals can always be closed. */
function checkKeepsClosedStages(sqlite: Database.Database, leaving: Stage, path: string): void {
  if (leaving.kind === 'open') return;
  const sameKind = readStages(sqlite, leaving.pipelineId).filter((stage) => stage.kind === leaving.kind);
  if (sameKind.length <= 1) throw validation(path, `A pipeline needs at least one ${leaving.kind} stage`);
}

/**
 * Puts a pipeline's stages in a new order. The order belongs to the pipeline: the pipeline's
 * version guards it (a reorder made from a stale order gets CONFLICT) and its history records it.
 */
export function reorderStages(workspace: Workspace, input: { pipelineId: number; version: number; stageIds: number[] }): Pipeline {
  write(workspace, (writer) => {
    const current = readStages(writer.sqlite, input.pipelineId);
    const same =
      current.length === input.stageIds.length && new Set(input.stageIds).size === current.length && current.every((stage) => input.stageIds.includes(stage.id));
    if (!same) throw validation('stageIds', 'List every stage of the pipeline exactly once');
    const names = (ids: number[]) => ids.map((stageId) => current.find((stage) => stage.id === stageId)!.name);
    const before = current.map((stage) => stage.id);
    if (before.every((stageId, index) => input.stageIds[index] === stageId)) return;
    writer.update(pipelines, input.pipelineId, input.version, {}, {
      extraChanges: [{ field: 'stageOrder', before: names(before), after: names(input.stageIds) }],
      describeCurrent: (id) => readPipeline(writer.sqlite, id),
    });
    input.stageIds.forEach((stageId, position) => {
      const stage = current.find((candidate) => candidate.id === stageId)!;
      if (stage.position !== position) writer.update(stages, stage.id, stage.version, { position });
    });
  });
  return getPipeline(workspace, input.pipelineId);
}

export function removeStage(workspace: Workspace, input: { id: number; version: number }): Pipeline {
  const stage = write(workspace, (writer: RecordWriter) => {
    const current = readStage(writer.sqlite, input.id);
    if (!current) throw notFound('Stage', input.id);
    if (liveDealsInStage(writer.sqlite, input.id) > 0) throw validation('id', 'Move this stage’s deals to another stage first');
    if (readStages(writer.sqlite, current.pipelineId).length <= 2) throw validation('id', 'A pipeline needs at least two stages');
    checkKeepsClosedStages(writer.sqlite, current, 'id');
    writer.softDelete(stages, input.id, input.version, (id) => readStage(writer.sqlite, id));
    return current;
  });
  return getPipeline(workspace, stage.pipelineId);
}

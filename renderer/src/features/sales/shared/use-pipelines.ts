import { useQuery } from '@tanstack/react-query';
import type { Pipeline, Stage } from '../../../../../db/contract/sales';
import { useTRPC } from '../../../app/trpc';

/** Every pipeline with its ordered stages (the default one first). */
export function usePipelines() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.sales.pipelines.list.queryOptions(), staleTime: 30_000 });
}

export function findStage(pipelines: Pipeline[] | undefined, stageId: number): Stage | undefined {
  for (const pipeline of pipelines ?? []) {
    const stage = pipeline.stages.find((candidate) => candidate.id === stageId);
    if (stage) return stage;
  }
  return undefined;
}

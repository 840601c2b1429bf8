import { z } from 'zod';
import { id } from '../contract/common';
import { removeInput } from '../contract/people';
import {
  boardInput,
  bulkDealOwner,
  bulkDeals,
  dealCreate,
  dealList,
  dealMove,
  dealUpdate,
  forecastInput,
  leadConvert,
  pipelineCreate,
  pipelineRename,
  stageCreate,
  stageRemove,
  stageReorder,
  stageUpdate,
} from '../contract/sales';
import { procedure, router } from '../api/trpc';
import { bulkRemoveRecords, removeRecord, restoreRecord } from '../system/record-removal';
import { dealBoard } from './board';
import { bulkSetDealOwner, createDeal, getDeal, listDeals, moveDeal, updateDeal } from './deals';
import { salesForecast } from './forecast';
import { convertLead } from './leads';
import { customerProcedure, ordersRouter, productsRouter } from './orders-router';
import { createPipeline, createStage, getPipeline, listPipelines, removeStage, renamePipeline, reorderStages, updateStage } from './pipelines';

const byId = z.object({ id });

export const salesRouter = router({
  pipelines: router({
    list: procedure.query(({ ctx }) => listPipelines(ctx.workspace)),
    get: procedure.input(byId).query(({ ctx, input }) => getPipeline(ctx.workspace, input.id)),
    create: procedure.input(pipelineCreate).mutation(({ ctx, input }) => createPipeline(ctx.workspace, input)),
    rename: procedure.input(pipelineRename).mutation(({ ctx, input }) => renamePipeline(ctx.workspace, input)),
    stages: router({
      create: procedure.input(stageCreate).mutation(({ ctx, input }) => createStage(ctx.workspace, input)),
      update: procedure.input(stageUpdate).mutation(({ ctx, input }) => updateStage(ctx.workspace, input)),
      reorder: procedure.input(stageReorder).mutation(({ ctx, input }) => reorderStages(ctx.workspace, input)),
      remove: procedure.input(stageRemove).mutation(({ ctx, input }) => removeStage(ctx.workspace, input)),
    }),
  }),
  deals: router({
    create: procedure.input(dealCreate).mutation(({ ctx, input }) => createDeal(ctx.workspace, input)),
    get: procedure.input(byId).query(({ ctx, input }) => getDeal(ctx.workspace, input.id)),
    update: procedure.input(dealUpdate).mutation(({ ctx, input }) => updateDeal(ctx.workspace, input)),
    move: procedure.input(dealMove).mutation(({ ctx, input }) => moveDeal(ctx.workspace, input)),
    remove: procedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'deal', input)),
    restore: procedure.input(byId).mutation(({ ctx, input }) => {
      restoreRecord(ctx.workspace, 'deal', input.id);
      return getDeal(ctx.workspace, input.id);
    }),
    list: procedure.input(dealList).query(({ ctx, input }) => listDeals(ctx.workspace, input)),
    board: procedure.input(boardInput).query(({ ctx, input }) => dealBoard(ctx.workspace, input)),
    forecast: procedure.input(forecastInput).query(({ ctx, input }) => salesForecast(ctx.workspace, input)),
    bulkOwner: procedure.input(bulkDealOwner).mutation(({ ctx, input }) => bulkSetDealOwner(ctx.workspace, input)),
    bulkRemove: procedure.input(bulkDeals).mutation(({ ctx, input }) => bulkRemoveRecords(ctx.workspace, 'deal', input.ids)),
  }),
  leads: router({
    convert: procedure.input(leadConvert).mutation(({ ctx, input }) => convertLead(ctx.workspace, input)),
  }),
  products: productsRouter,
  orders: ordersRouter,
  customer: customerProcedure,
});

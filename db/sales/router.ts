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
import { manageProcedure, readProcedure, router, writeProcedure } from '../api/trpc';
import { bulkRemoveRecords, removeRecord, restoreRecord } from '../system/record-removal';
import { dealBoard } from './board';
import { bulkSetDealOwner, createDeal, getDeal, listDeals, moveDeal, updateDeal } from './deals';
import { salesForecast } from './forecast';
import { convertLead } from './leads';
import { customerProcedure, ordersRouter, productsRouter } from './orders-router';
import { createPipeline, createStage, getPipeline, listPipelines, removeStage, renamePipeline, reorderStages, updateStage } from './pipelines';

const byId = z.object({ id });

export const salesRouter = router({
  // Pipelines and their stages shape everyone's board: managers and owners set them up.
  pipelines: router({
    list: readProcedure.query(({ ctx }) => listPipelines(ctx.workspace)),
    get: readProcedure.input(byId).query(({ ctx, input }) => getPipeline(ctx.workspace, input.id)),
    create: manageProcedure.input(pipelineCreate).mutation(({ ctx, input }) => createPipeline(ctx.workspace, input)),
    rename: manageProcedure.input(pipelineRename).mutation(({ ctx, input }) => renamePipeline(ctx.workspace, input)),
    stages: router({
      create: manageProcedure.input(stageCreate).mutation(({ ctx, input }) => createStage(ctx.workspace, input)),
      update: manageProcedure.input(stageUpdate).mutation(({ ctx, input }) => updateStage(ctx.workspace, input)),
      reorder: manageProcedure.input(stageReorder).mutation(({ ctx, input }) => reorderStages(ctx.workspace, input)),
      remove: manageProcedure.input(stageRemove).mutation(({ ctx, input }) => removeStage(ctx.workspace, input)),
    }),
  }),
  deals: router({
    create: writeProcedure.input(dealCreate).mutation(({ ctx, input }) => createDeal(ctx.workspace, input)),
    get: readProcedure.input(byId).query(({ ctx, input }) => getDeal(ctx.workspace, input.id)),
    update: writeProcedure.input(dealUpdate).mutation(({ ctx, input }) => updateDeal(ctx.workspace, input)),
    move: writeProcedure.input(dealMove).mutation(({ ctx, input }) => moveDeal(ctx.workspace, input)),
    remove: writeProcedure.input(removeInput).mutation(({ ctx, input }) => removeRecord(ctx.workspace, 'deal', input)),
    restore: writeProcedure.input(byId).mutation(({ ctx, input }) => {
      restoreRecord(ctx.workspace, 'deal', input.id);
      return getDeal(ctx.workspace, input.id);
    }),
    list: readProcedure.input(dealList).query(({ ctx, input }) => listDeals(ctx.workspace, input)),
    board: readProcedure.input(boardInput).query(({ ctx, input }) => dealBoard(ctx.workspace, input)),
    forecast: readProcedure.input(forecastInput).query(({ ctx, input }) => salesForecast(ctx.workspace, input)),
    bulkOwner: writeProcedure.input(bulkDealOwner).mutation(({ ctx, input }) => bulkSetDealOwner(ctx.workspace, input)),
    bulkRemove: writeProcedure.input(bulkDeals).mutation(({ ctx, input }) => bulkRemoveRecords(ctx.workspace, 'deal', input.ids)),
  }),
  leads: router({
    convert: writeProcedure.input(leadConvert).mutation(({ ctx, input }) => convertLead(ctx.workspace, input)),
  }),
  products: productsRouter,
  orders: ordersRouter,
  customer: customerProcedure,
});

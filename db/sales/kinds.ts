import { defineRecordKind, type RecordLink } from '../system/record-kind';
import { readDeal, reindexDeal } from './deals';
import { readOrder } from './orders';
import { readPipeline, readStage } from './pipelines';
import { readProduct } from './products';
import { deals, orders, pipelines, products, stages } from './schema';
import { dealHits } from './search-hits';

const customerLinks: RecordLink[] = [
  { column: 'contact_id', to: 'contact', onPurge: 'block' },
  { column: 'company_id', to: 'company', onPurge: 'block' },
];

export const dealKind = defineRecordKind({
  table: deals,
  noun: { one: 'deal', many: 'deals' },
  read: readDeal,
  title: deals.title,
  links: [
    ...customerLinks,
    { column: 'stage_id', to: 'stage', onPurge: 'block' },
    { column: 'pipeline_id', to: 'pipeline', onPurge: 'block' },
    { column: 'stage_id', to: 'stage', onPurge: 'block', table: 'deal_stage_history', label: 'stage history entries' },
  ],
  search: { reindex: reindexDeal, hits: dealHits },
});

export const orderKind = defineRecordKind({
  table: orders,
  noun: { one: 'order', many: 'orders' },
  read: readOrder,
  title: orders.number,
  links: [
    ...customerLinks,
    { column: 'deal_id', to: 'deal', onPurge: 'block' },
    { column: 'product_id', to: 'product', onPurge: 'block', table: 'order_lines', label: 'order lines' },
  ],
});

export const productKind = defineRecordKind({
  table: products,
  noun: { one: 'product', many: 'products' },
  read: readProduct,
  title: products.name,
  links: [],
});

export const pipelineKind = defineRecordKind({
  table: pipelines,
  noun: { one: 'pipeline', many: 'pipelines' },
  read: readPipeline,
  title: pipelines.name,
  links: [],
});

export const stageKind = defineRecordKind({
  table: stages,
  noun: { one: 'stage', many: 'stages' },
  read: readStage,
  title: stages.name,
  links: [{ column: 'pipeline_id', to: 'pipeline', onPurge: 'cascade' }],
});

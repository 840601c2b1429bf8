import { pick, seededRandom } from '../people/sample-names';
import type { RecordWriter } from '../write/record-writer';
import { insertDeal } from './deals';
import { changeOrderStatus, placeOrder } from './orders';
import { defaultPipelineId, readStages } from './pipelines';
import { insertProduct } from './products';

const SAMPLE_PRODUCTS = [
  { sku: 'TEA-001', name: '西湖龙井 250g', price: 168_00, category: 'Tea' },
  { sku: 'TEA-002', name: 'Oolong gift box', price: 298_00, category: 'Tea' },
  { sku: 'CUP-010', name: 'Porcelain cup set', price: 89_00, category: 'Tableware' },
  { sku: 'POT-020', name: '紫砂壶', price: 560_00, category: 'Tableware' },
  { sku: 'SRV-100', name: 'Tasting workshop (per person)', price: 120_00, category: 'Services' },
  { sku: 'SRV-200', name: '企业团购配送', price: 50_00, category: 'Services' },
] as const;

const TITLES = ['Spring restock', 'Office gifts', '年会礼品', 'Wedding favours', '门店陈列升级', 'Corporate tasting', 'Holiday hampers', '长期供货合同'];

/**
 * Deals across the default pipeline, products, and orders at every status for the sample people,
 * through the normal write path (inside the first-run transaction).
 */
export function loadSampleSales(writer: RecordWriter, people: { contactIds: number[]; companyIds: number[] }, currency: string): { dealIds: number[] } {
  const random = seededRandom(3301);
  const day = 86_400_000;
  const stages = readStages(writer.sqlite, defaultPipelineId(writer.sqlite));
  const productIds = SAMPLE_PRODUCTS.map((product) =>
    insertProduct(writer, { sku: product.sku, name: product.name, unitPriceMinor: product.price, costMinor: Math.round(product.price * 0.55), currency, category: product.category, active: true }),
  );
  const dealIds: number[] = [];
  for (let index = 0; index < 40; index++) {
    const contactId = pick(random, people.contactIds);
    const stage = stages[Math.min(stages.length - 1, Math.floor(random() * stages.length))]!;
    const close = new Date(writer.now + Math.floor((random() * 150 - 30) * day)).toISOString().slice(0, 10);
    dealIds.push(
      insertDeal(writer, {
        title: `${pick(random, TITLES)} #${index + 1}`,
        contactId,
        companyId: null,
        amountMinor: Math.round(random() * 200) * 100_00,
        currency,
        expectedCloseDate: close,
        ownerId: writer.workspace.userId || null,
        source: null,
        sourceCampaignId: null,
        stageId: stage.id,
        probability: null,
        description: null,
      }),
    );
  }
  const journey = ['paid', 'shipped', 'delivered'] as const;
  for (let index = 0; index < 25; index++) {
    const lineCount = 1 + Math.floor(random() * 3);
    const orderId = placeOrder(writer, {
      kind: index % 5 === 0 ? 'quote' : 'order',
      contactId: pick(random, people.contactIds),
      companyId: null,
      dealId: null,
      currency,
      note: null,
      lines: Array.from({ length: lineCount }, () => {
        const productIndex = Math.floor(random() * SAMPLE_PRODUCTS.length);
        const product = SAMPLE_PRODUCTS[productIndex]!;
        return {
          productId: productIds[productIndex]!,
          description: product.name,
          quantity: 1 + Math.floor(random() * 6),
          unitPriceMinor: product.price,
          discount: random() < 0.3 ? { type: 'percent' as const, basisPoints: 1000 } : { type: 'none' as const },
        };
      }),
    });
    if (index % 5 === 0) continue;
    let version = 1;
    const steps = Math.floor(random() * 4);
    for (let step = 0; step < steps; step++) {
      version = changeOrderStatus(writer, { id: orderId, version, status: journey[step]!, at: writer.now - (steps - step) * day, note: null });
    }
  }
  return { dealIds };
}

import type { Locale } from '../contract/system';
import { pick, seededRandom } from '../people/sample-names';
import type { RecordWriter } from '../write/record-writer';
import { insertDeal } from './deals';
import { changeOrderStatus, placeOrder } from './orders';
import { defaultPipelineId, readStages } from './pipelines';
import { insertProduct } from './products';

const SAMPLE_PRODUCTS = [
  { sku: 'TEA-001', price: 168_00, name: { en: 'Longjing green tea 250g', 'zh-CN': '西湖龙井 250g' }, category: { en: 'Tea', 'zh-CN': '茶叶' } },
  { sku: 'TEA-002', price: 298_00, name: { en: 'Oolong gift box', 'zh-CN': '乌龙茶礼盒' }, category: { en: 'Tea', 'zh-CN': '茶叶' } },
  { sku: 'CUP-010', price: 89_00, name: { en: 'Porcelain cup set', 'zh-CN': '白瓷茶杯套装' }, category: { en: 'Tableware', 'zh-CN': '茶具' } },
  { sku: 'POT-020', price: 560_00, name: { en: 'Yixing clay teapot', 'zh-CN': '紫砂壶' }, category: { en: 'Tableware', 'zh-CN': '茶具' } },
  { sku: 'SRV-100', price: 120_00, name: { en: 'Tasting workshop (per person)', 'zh-CN': '品茶课（每人）' }, category: { en: 'Services', 'zh-CN': '服务' } },
  { sku: 'SRV-200', price: 50_00, name: { en: 'Corporate delivery', 'zh-CN': '企业团购配送' }, category: { en: 'Services', 'zh-CN': '服务' } },
] as const;

const TITLES: Record<Locale, string[]> = {
  en: ['Spring restock', 'Office gifts', 'Annual party gifts', 'Wedding favours', 'Shop display upgrade', 'Corporate tasting', 'Holiday hampers', 'Long-term supply contract'],
  'zh-CN': ['春季补货', '办公室礼品', '年会礼品', '婚礼伴手礼', '门店陈列升级', '企业品鉴会', '节日礼篮', '长期供货合同'],
};

/**
 * Deals across the default pipeline, products, and orders at every status for the sample people,
 * through the normal write path (inside the first-run transaction).
 */
export function loadSampleSales(
  writer: RecordWriter,
  people: { contactIds: number[]; companyIds: number[] },
  options: { currency: string; locale: Locale },
): { dealIds: number[] } {
  const { currency, locale } = options;
  const random = seededRandom(3301);
  const day = 86_400_000;
  const stages = readStages(writer.reads, defaultPipelineId(writer.reads));
  const productIds = SAMPLE_PRODUCTS.map((product) =>
    insertProduct(writer, {
      sku: product.sku,
      name: product.name[locale],
      unitPriceMinor: product.price,
      costMinor: Math.round(product.price * 0.55),
      currency,
      category: product.category[locale],
      active: true,
    }),
  );
  const dealIds: number[] = [];
  for (let index = 0; index < 40; index++) {
    const contactId = pick(random, people.contactIds);
    const stage = stages[Math.min(stages.length - 1, Math.floor(random() * stages.length))]!;
    const close = new Date(writer.now + Math.floor((random() * 150 - 30) * day)).toISOString().slice(0, 10);
    dealIds.push(
      insertDeal(writer, {
        title: `${pick(random, TITLES[locale])} #${index + 1}`,
        contactId,
        companyId: null,
        amountMinor: Math.round(random() * 200) * 100_00,
        currency,
        expectedCloseDate: close,
        ownerId: writer.userId,
        isPrivate: false,
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
          description: product.name[locale],
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

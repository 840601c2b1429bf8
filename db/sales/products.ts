import { and, eq, sql, type Placeholder } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { Product, productCreate, productList, productUpdate } from '../contract/sales';
import { notFound, validation } from '../errors';
import { recordMeta, type RecordMetaRow } from '../read/record-mapping';
import { pageOf, type KeyValue } from '../read/keyset';
import { listPage, type ListSpec, pagingOf } from '../read/list-page';
import { oncePerConnection, type Reads } from '../read/reads';
import { normalizeText } from '../search/text';
import type { RecordWriter } from '../write/record-writer';
import { write } from '../write/transaction';
import type { Workspace } from '../workspace/open';
import type { Store } from '../workspace/store';
import { products } from './schema';

type ProductCreate = z.output<typeof productCreate>;
type ProductUpdate = z.output<typeof productUpdate>;
type ProductListQuery = z.output<typeof productList>;

interface ProductDbRow extends RecordMetaRow {
  sku: string;
  name: string;
  sort_name: string;
  unit_price_minor: number;
  cost_minor: number | null;
  currency: string;
  category: string | null;
  active: number;
}

function toProduct(row: ProductDbRow): Product {
  return {
    sku: row.sku,
    name: row.name,
    unitPriceMinor: row.unit_price_minor,
    costMinor: row.cost_minor,
    currency: row.currency,
    category: row.category,
    active: row.active === 1,
    ...recordMeta(row),
  };
}

/** A product as the API returns it: every column but the derived sort name. */
const productFields = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  unitPriceMinor: products.unitPriceMinor,
  costMinor: products.costMinor,
  currency: products.currency,
  category: products.category,
  active: products.active,
  version: products.version,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  createdBy: products.createdBy,
  updatedBy: products.updatedBy,
  deletedAt: products.deletedAt,
};

/** The product page's query; exported so the plan test explains this very query. */
export function productQuery(reads: Reads, id: number | Placeholder) {
  return reads.db.select(productFields).from(products).where(eq(products.id, id));
}

const productPage = oncePerConnection((reads) => productQuery(reads, sql.placeholder('id')).prepare());

/** Any product, deleted or not (the Trash and order lines of old orders read through this too). */
export function readProduct(reads: Reads, id: number): Product | undefined {
  return productPage(reads).get({ id });
}

export function getProduct(store: Store, id: number, options: { includeDeleted?: boolean } = {}): Product {
  const product = readProduct(store.reads, id);
  if (!product || (product.deletedAt !== null && !options.includeDeleted)) throw notFound('Product', id);
  return product;
}

/**
 * SKUs are unique ignoring case, across the Trash too: the unique index is on lower(sku) over every
 * row, so the check uses SQLite's own lower() to agree with it exactly.
 */
export function skuTakenQuery(reads: Reads, sku: string, exceptId: number | null) {
  return reads.db
    .select({ name: products.name, deletedAt: products.deletedAt })
    .from(products)
    .where(and(sql`lower(${products.sku}) = lower(${sku})`, sql`${products.id} IS NOT ${exceptId}`));
}

function checkSkuFree(reads: Reads, sku: string, exceptId: number | null): void {
  const taken = skuTakenQuery(reads, sku, exceptId).get();
  if (taken) {
    const where = taken.deletedAt === null ? '' : ' (in the Trash)';
    throw validation('sku', `SKU ${sku} is already used by ${taken.name}${where}`);
  }
}

/** Column values for the fields present in a patch. */
function patchColumns(input: Partial<ProductCreate>): Partial<typeof products.$inferInsert> {
  const values: Partial<typeof products.$inferInsert> = {};
  if (input.sku !== undefined) values.sku = input.sku;
  if (input.name !== undefined) {
    values.name = input.name;
    values.sortName = normalizeText(input.name);
  }
  if (input.unitPriceMinor !== undefined) values.unitPriceMinor = input.unitPriceMinor;
  if (input.costMinor !== undefined) values.costMinor = input.costMinor;
  if (input.currency !== undefined) values.currency = input.currency;
  if (input.category !== undefined) values.category = input.category;
  if (input.active !== undefined) values.active = input.active;
  return values;
}

export function createProduct(store: Store, input: ProductCreate): Product {
  const id = write(store, (writer) => insertProduct(writer, input));
  return getProduct(store, id);
}

/** The same, inside a transaction the caller runs. */
export function insertProduct(writer: RecordWriter, input: ProductCreate): number {
  checkSkuFree(writer.reads, input.sku, null);
  return writer.insert(products, {
    sku: input.sku,
    name: input.name,
    sortName: normalizeText(input.name),
    unitPriceMinor: input.unitPriceMinor,
    costMinor: input.costMinor,
    currency: input.currency,
    category: input.category,
    active: input.active,
  });
}

/**
 * Changing a product's price or currency leaves existing quote and order lines alone: each line
 * keeps the price it was sold at.
 */
export function updateProduct(store: Store, input: ProductUpdate): Product {
  write(store, (writer) => {
    const { reads } = writer;
    const before = readProduct(reads, input.id);
    if (!before) throw notFound('Product', input.id);
    if (input.patch.sku !== undefined && input.patch.sku !== before.sku) checkSkuFree(reads, input.patch.sku, input.id);
    writer.update(products, input.id, input.version, patchColumns(input.patch), {
      describeCurrent: (id) => readProduct(reads, id),
    });
  });
  return getProduct(store, input.id);
}

/** `%text%` for LIKE, with the wildcard characters of the text itself taken literally. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const SORT_KEYS: Record<ProductListQuery['sort'], { columns: string[]; values: (row: ProductDbRow) => KeyValue[] }> = {
  name: { columns: ['p.sort_name', 'p.id'], values: (row) => [row.sort_name, row.id] },
  sku: { columns: ['lower(p.sku)', 'p.id'], values: (row) => [row.sku.toLowerCase(), row.id] },
  price: { columns: ['p.unit_price_minor', 'p.id'], values: (row) => [row.unit_price_minor, row.id] },
};

/** The products list as `listPage` runs it; exported so plan tests explain the very queries the list runs. */
export function productListSpec(query: ProductListQuery): ListSpec {
  const where = ['p.deleted_at IS NULL'];
  const params: KeyValue[] = [];
  if (query.active !== undefined) {
    where.push('p.active = ?');
    params.push(query.active ? 1 : 0);
  }
  if (query.category) {
    where.push('p.category = ? COLLATE NOCASE');
    params.push(query.category);
  }
  if (query.search) {
    where.push(`(p.sort_name LIKE ? ESCAPE '\\' OR p.sku LIKE ? ESCAPE '\\')`);
    params.push(likeContaining(normalizeText(query.search)), likeContaining(query.search));
  }
  return {
    select: 'p.*',
    from: 'products p',
    table: 'products p',
    idColumn: 'p.id',
    where,
    params,
    ...pagingOf(query, SORT_KEYS[query.sort].columns),
  };
}

/** Products by name, SKU or price. A catalogue is small next to contacts, so search is a plain LIKE on name and SKU. */
export function listProducts(workspace: Workspace, query: ProductListQuery): Page<Product> {
  const page = listPage<ProductDbRow>(workspace.sqlite, productListSpec(query));
  const { pageRows, nextCursor } = pageOf(page.rows, query.limit, SORT_KEYS[query.sort].values);
  return { rows: pageRows.map(toProduct), nextCursor, total: page.total, totalAtLeast: page.totalAtLeast };
}

import { and, eq, sql, type Placeholder } from 'drizzle-orm';
import type { z } from 'zod';
import type { Page } from '../contract/common';
import type { Product, productCreate, productList, productUpdate } from '../contract/sales';
import { notFound, validation } from '../errors';
import { pageOf, type KeyValue, type SortKey } from '../read/keyset';
import { listPage, type ListSpec, pagingOf, listSource } from '../read/list-page';
import { oncePerConnection, type Reads } from '../read/reads';
import { normalizeText } from '../search/text';
import type { RecordWriter } from '../write/record-writer';
import { write } from '../write/transaction';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Store } from '../workspace/store';
import { products } from './schema';

type ProductCreate = z.output<typeof productCreate>;
type ProductUpdate = z.output<typeof productUpdate>;
type ProductListQuery = z.output<typeof productList>;

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

const p = alias(products, 'p');

/** The products list's rows: the fields of `Product` by name, and the name's sort key. */
const productListSource = listSource({
  table: products,
  as: p,
  id: p.id,
  columns: {
    id: p.id,
    sku: p.sku,
    name: p.name,
    sortName: p.sortName,
    unitPriceMinor: p.unitPriceMinor,
    costMinor: p.costMinor,
    currency: p.currency,
    category: p.category,
    active: p.active,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    createdBy: p.createdBy,
    updatedBy: p.updatedBy,
    deletedAt: p.deletedAt,
  },
});

type ProductListRow = ReturnType<typeof productListSource.decode>;

const SORT_KEYS: Record<ProductListQuery['sort'], { keys: SortKey[]; values: (row: ProductListRow) => KeyValue[] }> = {
  name: { keys: [p.sortName, p.id], values: (row) => [row.sortName, row.id] },
  sku: { keys: [sql`lower(${p.sku})`, p.id], values: (row) => [row.sku.toLowerCase(), row.id] },
  price: { keys: [p.unitPriceMinor, p.id], values: (row) => [row.unitPriceMinor, row.id] },
};

/** The products list as `listPage` runs it; exported so plan tests explain the very queries the list runs. */
export function productListSpec(query: ProductListQuery): ListSpec<ProductListRow> {
  const where = [sql`${p.deletedAt} IS NULL`];
  if (query.active !== undefined) where.push(sql`${p.active} = ${query.active ? 1 : 0}`);
  if (query.category) where.push(sql`${p.category} = ${query.category} COLLATE NOCASE`);
  if (query.search) {
    where.push(
      sql`(${p.sortName} LIKE ${likeContaining(normalizeText(query.search))} ESCAPE '\\' OR ${p.sku} LIKE ${likeContaining(query.search)} ESCAPE '\\')`,
    );
  }
  return { source: productListSource, where, ...pagingOf(query, SORT_KEYS[query.sort].keys) };
}

/** Products by name, SKU or price. A catalogue is small next to contacts, so search is a plain LIKE on name and SKU. */
export function listProducts(store: Store, query: ProductListQuery): Page<Product> {
  const page = listPage(store.reads, productListSpec(query));
  const { pageRows, nextCursor } = pageOf(page.rows, query.limit, SORT_KEYS[query.sort].values);
  return { rows: pageRows.map(({ sortName: _sortName, ...row }) => row), nextCursor, total: page.total, totalAtLeast: page.totalAtLeast };
}

import { describe, expect, it } from 'vitest';
import { rapportError, salesCore } from './sales-test-support';

describe('products', () => {
  it('creates, reads and updates with the version it read, recording audit and change feed', async () => {
    const { sales, sqlite } = salesCore();
    const created = await sales.products.create({ sku: ' TEA-001 ', name: '龙井茶 250g', unitPriceMinor: 12_800, costMinor: 6_000, currency: 'CNY', category: 'Tea' });
    expect(created).toMatchObject({ sku: 'TEA-001', name: '龙井茶 250g', unitPriceMinor: 12_800, costMinor: 6_000, currency: 'CNY', category: 'Tea', active: true, version: 1 });
    expect(await sales.products.get({ id: created.id })).toEqual(created);

    const updated = await sales.products.update({ id: created.id, version: 1, patch: { unitPriceMinor: 13_800, active: false } });
    expect(updated).toMatchObject({ unitPriceMinor: 13_800, active: false, version: 2, name: '龙井茶 250g' });

    const audit = sqlite.prepare(`SELECT action, changes FROM audit_log WHERE table_name = 'products' AND row_id = ? ORDER BY id`).all(created.id) as {
      action: string;
      changes: string;
    }[];
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.changes)).toEqual(
      expect.arrayContaining([
        { field: 'unitPriceMinor', before: 12_800, after: 13_800 },
        { field: 'active', before: true, after: false },
      ]),
    );
    const feed = sqlite.prepare(`SELECT op FROM changes WHERE table_name = 'products' AND row_id = ? ORDER BY seq`).all(created.id) as { op: string }[];
    expect(feed.map((row) => row.op)).toEqual(['insert', 'update']);
  });

  it('refuses a stale version with CONFLICT carrying the current product, and writes nothing', async () => {
    const { sales, count } = salesCore();
    const product = await sales.products.create({ sku: 'P1', name: 'Widget', unitPriceMinor: 500, currency: 'USD' });
    await sales.products.update({ id: product.id, version: 1, patch: { name: 'Widget Pro' } });
    const auditBefore = count('audit_log');
    const error = await rapportError(() => sales.products.update({ id: product.id, version: 1, patch: { unitPriceMinor: 1 } }));
    expect(error.code).toBe('CONFLICT');
    expect(error.current).toMatchObject({ id: product.id, version: 2, name: 'Widget Pro', unitPriceMinor: 500 });
    expect(count('audit_log')).toBe(auditBefore);
  });

  it('keeps SKUs unique ignoring case, including products in the Trash', async () => {
    const { sales, count } = salesCore();
    const first = await sales.products.create({ sku: 'abc-1', name: 'First', unitPriceMinor: 100, currency: 'USD' });
    const second = await sales.products.create({ sku: 'ABC-2', name: 'Second', unitPriceMinor: 100, currency: 'USD' });

    const duplicate = await rapportError(() => sales.products.create({ sku: 'ABC-1', name: 'Copy', unitPriceMinor: 100, currency: 'USD' }));
    expect(duplicate).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'sku' }] });
    expect(duplicate.issues![0]!.message).toContain('First');
    expect(count('products')).toBe(2);

    const renamedOnto = await rapportError(() => sales.products.update({ id: second.id, version: 1, patch: { sku: 'Abc-1' } }));
    expect(renamedOnto).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'sku' }] });
    // Changing only the case of its own SKU is fine.
    expect((await sales.products.update({ id: first.id, version: 1, patch: { sku: 'ABC-1' } })).sku).toBe('ABC-1');

    await sales.products.remove({ id: second.id });
    const trashed = await rapportError(() => sales.products.create({ sku: 'abc-2', name: 'Again', unitPriceMinor: 1, currency: 'USD' }));
    expect(trashed).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'sku' }] });
    expect(trashed.issues![0]!.message).toContain('Trash');
  });

  it('refuses bad input with the field path and writes nothing', async () => {
    const { sales, count } = salesCore();
    const valid = { sku: 'X', name: 'X', unitPriceMinor: 100, currency: 'USD' };
    const cases: [unknown, string][] = [
      [{ ...valid, unitPriceMinor: -1 }, 'unitPriceMinor'],
      [{ ...valid, unitPriceMinor: 1.5 }, 'unitPriceMinor'],
      [{ ...valid, unitPriceMinor: '100' }, 'unitPriceMinor'],
      [{ ...valid, costMinor: -5 }, 'costMinor'],
      [{ ...valid, sku: '   ' }, 'sku'],
      [{ ...valid, name: '' }, 'name'],
      [{ ...valid, currency: 'usd' }, 'currency'],
      [{ ...valid, currency: 'DOLLARS' }, 'currency'],
      [{ ...valid, active: 'yes' }, 'active'],
    ];
    for (const [input, path] of cases) {
      const error = await rapportError(() => sales.products.create(input as never));
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(error.issues?.map((issue) => issue.path)).toContain(path);
    }
    expect(count('products')).toBe(0);
    expect(count('audit_log', `table_name = 'products'`)).toBe(0);
  });

  it('lists by name with keyset pages and filters by search, active and category', async () => {
    const { sales } = salesCore();
    const catalogue = [
      { sku: 'T-1', name: 'green tea', category: 'Tea', active: true },
      { sku: 'T-2', name: 'Black Tea', category: 'Tea', active: true },
      { sku: 'C-1', name: 'Cup', category: 'Ware', active: true },
      { sku: 'C-2', name: 'Teapot 100%', category: 'Ware', active: false },
      { sku: 'S-1', name: 'Sugar', category: null, active: true },
    ];
    for (const product of catalogue) await sales.products.create({ ...product, unitPriceMinor: 100, currency: 'CNY' });

    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await sales.products.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      if (pages === 0) expect(page.total).toBe(5);
      else expect(page.total).toBeNull();
      names.push(...page.rows.map((row) => row.name));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toEqual(['Black Tea', 'Cup', 'green tea', 'Sugar', 'Teapot 100%']);

    const names$ = async (query: Parameters<typeof sales.products.list>[0]) => (await sales.products.list(query)).rows.map((row) => row.name);
    expect(await names$({ search: 'TEA' })).toEqual(['Black Tea', 'green tea', 'Teapot 100%']);
    expect(await names$({ search: 'c-' })).toEqual(['Cup', 'Teapot 100%']);
    // LIKE wildcards in the search text are taken literally.
    expect(await names$({ search: '%' })).toEqual(['Teapot 100%']);
    expect(await names$({ search: '_' })).toEqual([]);
    expect(await names$({ active: false })).toEqual(['Teapot 100%']);
    expect(await names$({ active: true, category: 'tea' })).toEqual(['Black Tea', 'green tea']);
  });

  it('soft-deletes to the Trash and restores', async () => {
    const { sales } = salesCore();
    const product = await sales.products.create({ sku: 'R-1', name: 'Ribbon', unitPriceMinor: 50, currency: 'USD' });
    await sales.products.remove({ id: product.id, version: 1 });
    expect((await rapportError(() => sales.products.get({ id: product.id }))).code).toBe('NOT_FOUND');
    expect((await sales.products.list({})).total).toBe(0);
    // Someone else deleted it: a CONFLICT that carries the deleted product (issue 7 §7), no longer NOT_FOUND.
    expect((await rapportError(() => sales.products.update({ id: product.id, version: 2, patch: { name: 'x' } }))).code).toBe('CONFLICT');

    const restored = await sales.products.restore({ id: product.id });
    expect(restored).toMatchObject({ deletedAt: null, version: 3, name: 'Ribbon' });
    expect((await sales.products.list({})).rows.map((row) => row.id)).toEqual([product.id]);
  });
});

import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { computeLine, computeTotals } from '../contract/money';
import type { OrderCreateInput } from '../contract/sales';
import { rapportError, salesCore } from './sales-test-support';

type Core = ReturnType<typeof salesCore>;

/**
 * A deal written straight into the tables, so these tests depend only on the schema, not on the
 * deal service: its own pipeline with one open stage.
 */
function insertDeal(sqlite: Database.Database, deal: { currency: string; contactId?: number; companyId?: number; title?: string }): number {
  const now = Date.now();
  const pipelineId = Number(
    sqlite.prepare(`INSERT INTO pipelines (name, version, created_at, updated_at) VALUES ('Test pipeline', 1, ?, ?)`).run(now, now).lastInsertRowid,
  );
  const stageId = Number(
    sqlite
      .prepare(`INSERT INTO stages (pipeline_id, name, position, probability, kind, version, created_at, updated_at) VALUES (?, 'Proposal', 0, 50, 'open', 1, ?, ?)`)
      .run(pipelineId, now, now).lastInsertRowid,
  );
  const title = deal.title ?? 'Test deal';
  return Number(
    sqlite
      .prepare(
        `INSERT INTO deals (title, sort_title, contact_id, company_id, amount_minor, currency, pipeline_id, stage_id, status, version, created_at, updated_at)
         VALUES (?, ?, ?, ?, 0, ?, ?, ?, 'open', 1, ?, ?)`,
      )
      .run(title, title.toLowerCase(), deal.contactId ?? null, deal.companyId ?? null, deal.currency, pipelineId, stageId, now, now).lastInsertRowid,
  );
}

/** A contact, two CNY products and a USD product: what most tests start from. */
async function shop(core: Core) {
  const contact = await core.api.people.contacts.create({ name: '王芳' });
  const tea = await core.sales.products.create({ sku: 'TEA', name: 'Tea', unitPriceMinor: 12_800, currency: 'CNY' });
  const cup = await core.sales.products.create({ sku: 'CUP', name: 'Cup', unitPriceMinor: 3_500, currency: 'CNY' });
  const mug = await core.sales.products.create({ sku: 'MUG', name: 'Mug', unitPriceMinor: 900, currency: 'USD' });
  const twoLines = (): OrderCreateInput['lines'] => [
    { productId: tea.id, description: 'Tea', quantity: 2, unitPriceMinor: 12_800, discount: { type: 'percent', basisPoints: 1000 } },
    { productId: cup.id, description: 'Cup', quantity: 3, unitPriceMinor: 3_500, discount: { type: 'amount', amountMinor: 500 } },
  ];
  return { contact, tea, cup, mug, twoLines };
}

const nothingWritten = (core: Core) => ({
  orders: core.count('orders'),
  lines: core.count('order_lines'),
  events: core.count('order_events'),
  audit: core.count('audit_log', `table_name = 'orders'`),
  feed: core.count('changes', `table_name = 'orders'`),
});

describe('quotes and orders', () => {
  it('takes a quote with two discounted lines through conversion and the whole order life cycle', async () => {
    const core = salesCore();
    const { sales } = core;
    const { contact, tea, twoLines } = await shop(core);

    const quote = await sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'CNY', note: 'Spring offer', lines: twoLines() });
    expect(quote).toMatchObject({
      kind: 'quote',
      number: 'Q-000001',
      status: 'draft',
      contactName: '王芳',
      currency: 'CNY',
      // 2 × 128.00 − 10 % = 230.40; 3 × 35.00 − 5.00 = 100.00
      subtotalMinor: 36_100,
      discountMinor: 3_060,
      totalMinor: 33_040,
      version: 1,
    });
    expect(quote.lines).toMatchObject([
      { position: 0, productId: tea.id, productSku: 'TEA', grossMinor: 25_600, discountMinor: 2_560, totalMinor: 23_040, discount: { type: 'percent', basisPoints: 1000 } },
      { position: 1, productSku: 'CUP', grossMinor: 10_500, discountMinor: 500, totalMinor: 10_000, discount: { type: 'amount', amountMinor: 500 } },
    ]);
    expect(quote.events).toMatchObject([{ status: 'draft', userName: 'Owner' }]);

    const order = await sales.orders.convertQuote({ id: quote.id, version: 1 });
    expect(order).toMatchObject({
      kind: 'order',
      number: 'SO-000001',
      status: 'placed',
      contactId: contact.id,
      currency: 'CNY',
      note: 'Spring offer',
      quoteId: quote.id,
      subtotalMinor: 36_100,
      discountMinor: 3_060,
      totalMinor: 33_040,
    });
    expect(order.lines.map(({ id: _id, ...line }) => line)).toEqual(quote.lines.map(({ id: _id, ...line }) => line));
    const converted = await sales.orders.get({ id: quote.id });
    expect(converted).toMatchObject({ status: 'converted', convertedToId: order.id, version: 2 });
    expect(converted.events.map((event) => [event.status, event.note])).toEqual([
      ['draft', null],
      ['accepted', null],
      ['converted', 'SO-000001'],
    ]);

    const yesterday = Date.now() - 86_400_000;
    let current = await sales.orders.setStatus({ id: order.id, version: order.version, status: 'paid', at: yesterday, note: 'Bank transfer' });
    for (const status of ['shipped', 'delivered', 'returned'] as const) {
      current = await sales.orders.setStatus({ id: order.id, version: current.version, status });
    }
    expect(current).toMatchObject({ status: 'returned', version: 5 });
    // Events are in the order they happened: the payment was recorded as made yesterday, before the order was placed here.
    expect(current.events.map((event) => event.status)).toEqual(['paid', 'placed', 'shipped', 'delivered', 'returned']);
    expect(current.events.find((event) => event.status === 'paid')).toMatchObject({ at: yesterday, note: 'Bank transfer', userName: 'Owner' });

    // A second quote continues its own numbering.
    expect((await sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'CNY', lines: twoLines() })).number).toBe('Q-000002');
    expect((await sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'CNY', lines: twoLines() })).number).toBe('SO-000002');
  });

  it('refuses status changes that do not follow the transitions, writing nothing', async () => {
    const core = salesCore();
    const { sales } = core;
    const { contact, twoLines } = await shop(core);
    const order = await sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'CNY', lines: twoLines() });
    const quote = await sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'CNY', lines: twoLines() });
    const before = nothingWritten(core);

    const refusals = [
      () => sales.orders.setStatus({ id: order.id, version: 1, status: 'delivered' }),
      () => sales.orders.setStatus({ id: order.id, version: 1, status: 'accepted' }),
      () => sales.orders.setStatus({ id: quote.id, version: 1, status: 'paid' }),
      () => sales.orders.setStatus({ id: quote.id, version: 1, status: 'converted' }),
      () => sales.orders.convertQuote({ id: order.id, version: 1 }),
    ];
    for (const refusal of refusals) {
      const error = await rapportError(refusal);
      expect(error.code).toBe('VALIDATION');
      expect(['status', 'id']).toContain(error.issues?.[0]?.path);
    }
    expect(nothingWritten(core)).toEqual(before);

    const cancelled = await sales.orders.setStatus({ id: order.id, version: 1, status: 'cancelled' });
    expect(await rapportError(() => sales.orders.setStatus({ id: order.id, version: cancelled.version, status: 'paid' }))).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'status' }],
    });
    const declined = await sales.orders.setStatus({ id: quote.id, version: 1, status: 'declined' });
    expect(await rapportError(() => sales.orders.convertQuote({ id: quote.id, version: declined.version }))).toMatchObject({ code: 'VALIDATION' });
    // A declined quote can be reopened as a draft.
    expect((await sales.orders.setStatus({ id: quote.id, version: declined.version, status: 'draft' })).status).toBe('draft');
  });

  it('answers a stale version with CONFLICT carrying the current order, and writes nothing', async () => {
    const core = salesCore();
    const { sales } = core;
    const { contact, twoLines } = await shop(core);
    const order = await sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'CNY', lines: twoLines() });
    await sales.orders.setStatus({ id: order.id, version: 1, status: 'paid' });
    const quote = await sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'CNY', lines: twoLines() });
    await sales.orders.update({ id: quote.id, version: 1, patch: { note: 'Revised' } });
    const before = nothingWritten(core);

    const stale = [
      // Even a step that would be illegal now is reported as CONFLICT: the screen is out of date.
      () => sales.orders.setStatus({ id: order.id, version: 1, status: 'paid' }),
      () => sales.orders.setStatus({ id: order.id, version: 1, status: 'cancelled' }),
      () => sales.orders.update({ id: quote.id, version: 1, patch: { note: 'Mine' } }),
      () => sales.orders.convertQuote({ id: quote.id, version: 1 }),
      () => sales.orders.remove({ id: order.id, version: 1 }),
    ];
    for (const call of stale) {
      const error = await rapportError(call);
      expect(error.code).toBe('CONFLICT');
      expect(error.current).toMatchObject({ version: 2 });
      expect(error.current.lines).toHaveLength(2);
    }
    expect(nothingWritten(core)).toEqual(before);
    expect((await sales.orders.get({ id: order.id })).status).toBe('paid');
  });

  it('replaces lines and note while editable, recomputing totals, and refuses once paid', async () => {
    const core = salesCore();
    const { sales, sqlite } = core;
    const { contact, tea, twoLines } = await shop(core);
    const order = await sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'CNY', lines: twoLines() });

    const edited = await sales.orders.update({
      id: order.id,
      version: 1,
      patch: { note: 'Gift wrap', lines: [{ productId: tea.id, description: 'Tea, boxed', quantity: 1, unitPriceMinor: 13_000 }] },
    });
    expect(edited).toMatchObject({ version: 2, note: 'Gift wrap', subtotalMinor: 13_000, discountMinor: 0, totalMinor: 13_000 });
    expect(edited.lines).toMatchObject([{ position: 0, description: 'Tea, boxed', discount: { type: 'none' }, totalMinor: 13_000 }]);
    expect(core.count('order_lines', 'order_id = ?', order.id)).toBe(1);
    const audit = JSON.parse(
      (sqlite.prepare(`SELECT changes FROM audit_log WHERE table_name = 'orders' AND row_id = ? AND action = 'update'`).get(order.id) as { changes: string }).changes,
    ) as { field: string; before: unknown; after: unknown }[];
    expect(audit.map((change) => change.field).sort()).toEqual(['discountMinor', 'lines', 'note', 'subtotalMinor', 'totalMinor']);
    expect(audit.find((change) => change.field === 'totalMinor')).toEqual({ field: 'totalMinor', before: 33_040, after: 13_000 });

    // A product taken off sale may stay on an order that already had it, but not be added anew.
    await sales.products.update({ id: tea.id, version: 1, patch: { active: false } });
    const kept = await sales.orders.update({ id: order.id, version: 2, patch: { lines: [{ productId: tea.id, description: 'Tea', quantity: 2, unitPriceMinor: 13_000 }] } });
    expect(kept.totalMinor).toBe(26_000);
    expect(
      await rapportError(() => sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'CNY', lines: [{ productId: tea.id, description: 'Tea', quantity: 1, unitPriceMinor: 1 }] })),
    ).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'lines.0.productId' }] });

    const paid = await sales.orders.setStatus({ id: order.id, version: kept.version, status: 'paid' });
    const error = await rapportError(() => sales.orders.update({ id: order.id, version: paid.version, patch: { note: 'Too late' } }));
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'status' }] });
    expect((await sales.orders.get({ id: order.id })).note).toBe('Gift wrap');
  });

  it('writes lines as the order’s own child rows: unchanged lines stay untouched, changed ones are one audited version of the order', async () => {
    const core = salesCore();
    const { sales, sqlite } = core;
    const { contact, twoLines } = await shop(core);
    const quote = await sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'CNY', lines: twoLines() });
    const lineIds = () => (sqlite.prepare('SELECT id FROM order_lines WHERE order_id = ? ORDER BY position').all(quote.id) as { id: number }[]).map((row) => row.id);
    const audit = () =>
      (sqlite.prepare(`SELECT changes FROM audit_log WHERE table_name = 'orders' AND row_id = ? ORDER BY id`).all(quote.id) as { changes: string }[]).map(
        (entry) => JSON.parse(entry.changes) as { field: string; before: unknown; after: unknown }[],
      );
    const created = lineIds();

    // The same lines again, with a new note: the rows are left alone and the audit shows only the note.
    const noted = await sales.orders.update({ id: quote.id, version: 1, patch: { note: 'Call first', lines: twoLines() } });
    expect(noted.version).toBe(2);
    expect(lineIds()).toEqual(created);
    expect(audit()[1]!.map((change) => change.field)).toEqual(['note']);
    // Nothing changed at all: no version, no audit entry, no change row.
    const feedBefore = core.count('changes', `table_name = 'orders'`);
    expect((await sales.orders.update({ id: quote.id, version: 2, patch: { lines: twoLines() } })).version).toBe(2);
    expect(audit()).toHaveLength(2);
    expect(core.count('changes', `table_name = 'orders'`)).toBe(feedBefore);

    // Swapping the two lines is a change: rewritten in the new order, before and after in one entry.
    const [tea, cup] = twoLines();
    const swapped = await sales.orders.update({ id: quote.id, version: 2, patch: { lines: [cup!, tea!] } });
    expect(swapped).toMatchObject({ version: 3, totalMinor: quote.totalMinor });
    expect(swapped.lines.map((line) => [line.position, line.productSku])).toEqual([
      [0, 'CUP'],
      [1, 'TEA'],
    ]);
    const linesChange = audit()[2]!.find((change) => change.field === 'lines')!;
    expect(audit()[2]!.map((change) => change.field)).toEqual(['lines']);
    expect((linesChange.before as { description: string }[]).map((line) => line.description)).toEqual(['Tea', 'Cup']);
    expect(linesChange.after).toEqual([
      { productId: cup!.productId, description: 'Cup', quantity: 3, unitPriceMinor: 3_500, discount: { type: 'amount', amountMinor: 500 }, totalMinor: 10_000 },
      { productId: tea!.productId, description: 'Tea', quantity: 2, unitPriceMinor: 12_800, discount: { type: 'percent', basisPoints: 1000 }, totalMinor: 23_040 },
    ]);
  });

  it('never mixes currencies: product vs order, order vs deal', async () => {
    const core = salesCore();
    const { sales, sqlite } = core;
    const { contact, mug, twoLines } = await shop(core);
    const company = await core.api.people.companies.create({ name: 'Acme' });
    const before = nothingWritten(core);

    const productMismatch = await rapportError(() =>
      sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'CNY', lines: [...twoLines(), { productId: mug.id, description: 'Mug', quantity: 1, unitPriceMinor: 900 }] }),
    );
    expect(productMismatch).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'lines.2.productId' }] });
    expect(productMismatch.issues![0]!.message).toContain('USD');

    const usdDeal = insertDeal(sqlite, { currency: 'USD', contactId: contact.id, companyId: company.id, title: 'Export order' });
    const dealMismatch = await rapportError(() => sales.orders.create({ kind: 'order', dealId: usdDeal, currency: 'CNY', lines: twoLines() }));
    expect(dealMismatch).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'currency' }] });
    expect(nothingWritten(core)).toEqual(before);

    // In the deal's currency it goes through, filed under the deal's customer.
    const onDeal = await sales.orders.create({ kind: 'quote', dealId: usdDeal, currency: 'USD', lines: [{ productId: mug.id, description: 'Mug', quantity: 4, unitPriceMinor: 900 }] });
    expect(onDeal).toMatchObject({ dealId: usdDeal, dealTitle: 'Export order', contactId: contact.id, companyId: company.id, totalMinor: 3_600 });

    // Conversion checks the deal again: a deal switched to another currency no longer takes this quote's order.
    sqlite.prepare(`UPDATE deals SET currency = 'EUR' WHERE id = ?`).run(usdDeal);
    expect(await rapportError(() => sales.orders.convertQuote({ id: onDeal.id, version: 1 }))).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'currency' }] });
  });

  it('refuses every kind of bad input with its field path and writes nothing', async () => {
    const core = salesCore();
    const { sales, sqlite } = core;
    const { contact, tea, twoLines } = await shop(core);
    const goneProduct = await sales.products.create({ sku: 'GONE', name: 'Gone', unitPriceMinor: 1, currency: 'CNY' });
    await sales.products.remove({ id: goneProduct.id });
    const goneContact = await core.api.people.contacts.create({ name: 'Left' });
    await core.api.people.contacts.remove({ id: goneContact.id });
    const goneDeal = insertDeal(sqlite, { currency: 'CNY' });
    sqlite.prepare('UPDATE deals SET deleted_at = 1 WHERE id = ?').run(goneDeal);
    const valid = { kind: 'order', contactId: contact.id, currency: 'CNY', lines: twoLines() };
    const line = twoLines()[0]!;
    const before = nothingWritten(core);

    const cases: [string, unknown, string][] = [
      ['unknown product', { ...valid, lines: [{ ...line, productId: 9_999 }] }, 'lines.0.productId'],
      ['product in the Trash', { ...valid, lines: [line, { ...line, productId: goneProduct.id }] }, 'lines.1.productId'],
      ['unknown contact', { ...valid, contactId: 9_999 }, 'contactId'],
      ['contact in the Trash', { ...valid, contactId: goneContact.id }, 'contactId'],
      ['unknown company', { ...valid, companyId: 9_999 }, 'companyId'],
      ['unknown deal', { ...valid, dealId: 9_999 }, 'dealId'],
      ['deal in the Trash', { ...valid, dealId: goneDeal }, 'dealId'],
      ['no customer', { ...valid, contactId: null }, 'contactId'],
      ['zero quantity', { ...valid, lines: [{ ...line, quantity: 0 }] }, 'lines.0.quantity'],
      ['fractional quantity', { ...valid, lines: [{ ...line, quantity: 1.5 }] }, 'lines.0.quantity'],
      ['quantity as text', { ...valid, lines: [{ ...line, quantity: '2' }] }, 'lines.0.quantity'],
      ['negative price', { ...valid, lines: [{ ...line, unitPriceMinor: -100 }] }, 'lines.0.unitPriceMinor'],
      ['price as float', { ...valid, lines: [{ ...line, unitPriceMinor: 12.5 }] }, 'lines.0.unitPriceMinor'],
      ['line too large', { ...valid, lines: [{ ...line, quantity: 1_000_000, unitPriceMinor: 1_000_000_000 }] }, 'lines.0.quantity'],
      ['order total too large', { ...valid, lines: [{ ...line, quantity: 600_000, unitPriceMinor: 1_000_000 }, { ...line, quantity: 600_000, unitPriceMinor: 1_000_000 }] }, 'lines'],
      ['discount above the line', { ...valid, lines: [line, { ...line, discount: { type: 'amount', amountMinor: 25_601 } }] }, 'lines.1.discount'],
      ['percent above 100', { ...valid, lines: [{ ...line, discount: { type: 'percent', basisPoints: 10_001 } }] }, 'lines.0.discount.basisPoints'],
      ['unknown discount type', { ...valid, lines: [{ ...line, discount: { type: 'coupon' } }] }, 'lines.0.discount.type'],
      ['empty description', { ...valid, lines: [{ ...line, description: '  ' }] }, 'lines.0.description'],
      ['empty lines', { ...valid, lines: [] }, 'lines'],
      ['lines not a list', { ...valid, lines: 'two' }, 'lines'],
      ['lower-case currency', { ...valid, currency: 'cny' }, 'currency'],
      ['unknown kind', { ...valid, kind: 'invoice' }, 'kind'],
      ['contact id as text', { ...valid, contactId: String(contact.id) }, 'contactId'],
    ];
    for (const [label, input, path] of cases) {
      const error = await rapportError(() => sales.orders.create(input as never));
      expect(error.code, label).toBe('VALIDATION');
      expect(error.issues?.map((issue) => issue.path), label).toContain(path);
    }
    expect(nothingWritten(core)).toEqual(before);
    expect(tea.version).toBe(1);
  });

  it('records every write in the audit log and the change feed', async () => {
    const core = salesCore();
    const { sales, sqlite } = core;
    const { contact, twoLines } = await shop(core);
    const order = await sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'CNY', lines: twoLines() });
    await sales.orders.setStatus({ id: order.id, version: 1, status: 'paid' });
    await sales.orders.remove({ id: order.id, version: 2 });

    const audit = sqlite.prepare(`SELECT action, user_id, changes FROM audit_log WHERE table_name = 'orders' AND row_id = ? ORDER BY id`).all(order.id) as {
      action: string;
      user_id: number | null;
      changes: string;
    }[];
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
    expect(audit.every((entry) => entry.user_id === core.core.workspace.userId)).toBe(true);
    const created = JSON.parse(audit[0]!.changes) as { field: string; after: unknown }[];
    expect(created).toEqual(expect.arrayContaining([{ field: 'number', before: null, after: 'SO-000001' }, { field: 'totalMinor', before: null, after: 33_040 }]));
    expect(created.find((change) => change.field === 'lines')?.after).toHaveLength(2);
    expect(JSON.parse(audit[1]!.changes)).toEqual([{ field: 'status', before: 'placed', after: 'paid' }]);

    const feed = sqlite.prepare(`SELECT op FROM changes WHERE table_name = 'orders' AND row_id = ? ORDER BY seq`).all(order.id) as { op: string }[];
    expect(feed.map((row) => row.op)).toEqual(['insert', 'update', 'delete']);
    expect((await rapportError(() => sales.orders.get({ id: order.id }))).code).toBe('NOT_FOUND');
    expect((await sales.orders.list({})).total).toBe(0);
  });

  it('lists newest first with keyset pages and filters', async () => {
    const core = salesCore();
    const { sales, sqlite } = core;
    const { contact, twoLines } = await shop(core);
    const other = await core.api.people.contacts.create({ name: 'Li Lei' });
    const deal = insertDeal(sqlite, { currency: 'CNY', contactId: other.id });
    const ids: number[] = [];
    for (let index = 0; index < 5; index++) {
      const kind = index % 2 === 0 ? 'order' : 'quote';
      ids.push((await sales.orders.create({ kind, contactId: index < 3 ? contact.id : other.id, currency: 'CNY', lines: twoLines(), dealId: index === 4 ? deal : null })).id);
    }
    // Same issue time for all: the id breaks the tie, so pages neither skip nor repeat.
    sqlite.prepare('UPDATE orders SET issued_at = 1000').run();

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await sales.orders.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const numbers = async (query: Parameters<typeof sales.orders.list>[0]) => (await sales.orders.list(query)).rows.map((row) => row.number);
    expect(await numbers({ kind: 'quote' })).toEqual(['Q-000002', 'Q-000001']);
    expect(await numbers({ contactId: other.id })).toEqual(['SO-000003', 'Q-000002']);
    expect(await numbers({ dealId: deal })).toEqual(['SO-000003']);
    expect(await numbers({ status: 'draft' })).toEqual(['Q-000002', 'Q-000001']);
    expect((await sales.orders.list({ kind: 'order' })).total).toBe(3);
  });

  it('numbers past SO-999999 by value, not by text order', async () => {
    const core = salesCore();
    const { sales, sqlite } = core;
    const { contact, twoLines } = await shop(core);
    const now = Date.now();
    sqlite
      .prepare(
        `INSERT INTO orders (kind, number, status, contact_id, currency, subtotal_minor, discount_minor, total_minor, issued_at, version, created_at, updated_at)
         VALUES ('order', 'SO-999999', 'placed', ?, 'CNY', 0, 0, 0, ?, 1, ?, ?)`,
      )
      .run(contact.id, now, now, now);
    const first = await sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'CNY', lines: twoLines() });
    const second = await sales.orders.create({ kind: 'order', contactId: contact.id, currency: 'CNY', lines: twoLines() });
    expect([first.number, second.number]).toEqual(['SO-1000000', 'SO-1000001']);
    expect((await sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'CNY', lines: twoLines() })).number).toBe('Q-000001');
  });

  it('stores totals that agree with the pure money functions for any lines (property-based)', async () => {
    const core = salesCore();
    const { sales, sqlite } = core;
    const { contact } = await shop(core);
    const lineArb = fc
      .record({ quantity: fc.integer({ min: 1, max: 500 }), unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }) })
      .chain(({ quantity, unitPriceMinor }) =>
        fc
          .oneof(
            fc.constant({ type: 'none' as const }),
            fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => ({ type: 'percent' as const, basisPoints })),
            fc.integer({ min: 0, max: quantity * unitPriceMinor }).map((amountMinor) => ({ type: 'amount' as const, amountMinor })),
          )
          .map((discount) => ({ productId: null, description: 'Service', quantity, unitPriceMinor, discount })),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 12 }), async (lines) => {
        const order = await sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'CNY', lines });
        const expected = computeTotals(lines.map((line) => computeLine(line.quantity, line.unitPriceMinor, line.discount)));
        expect(order).toMatchObject(expected);
        const stored = sqlite.prepare('SELECT sum(total_minor) AS total, sum(gross_minor) AS gross FROM order_lines WHERE order_id = ?').get(order.id) as {
          total: number;
          gross: number;
        };
        expect(stored).toEqual({ total: expected.totalMinor, gross: expected.subtotalMinor });
      }),
      { numRuns: 30 },
    );
  });
});

describe('a customer’s sales', () => {
  it('counts lifetime revenue from paid, shipped and delivered orders only, per currency, including a company’s contacts', async () => {
    const core = salesCore();
    const { sales, api, sqlite } = core;
    const company = await api.people.companies.create({ name: '华美贸易' });
    const buyer = await api.people.contacts.create({ name: 'Buyer', companyId: company.id });
    const outsider = await api.people.contacts.create({ name: 'Outsider' });
    const line = (unitPriceMinor: number) => [{ productId: null, description: 'Goods', quantity: 1, unitPriceMinor }];

    async function orderIn(status: 'placed' | 'paid' | 'shipped' | 'delivered' | 'returned' | 'cancelled', customer: object, currency: string, amount: number) {
      let order = await sales.orders.create({ kind: 'order', currency, lines: line(amount), contactId: null, ...customer });
      const path: Record<string, string[]> = {
        placed: [],
        paid: ['paid'],
        shipped: ['paid', 'shipped'],
        delivered: ['shipped', 'delivered'],
        returned: ['paid', 'returned'],
        cancelled: ['cancelled'],
      };
      for (const next of path[status]!) order = await sales.orders.setStatus({ id: order.id, version: order.version, status: next as never });
      return order;
    }

    await orderIn('paid', { contactId: buyer.id }, 'CNY', 1_000);
    await orderIn('shipped', { contactId: buyer.id }, 'CNY', 2_000);
    await orderIn('delivered', { contactId: buyer.id }, 'USD', 300);
    await orderIn('placed', { contactId: buyer.id }, 'CNY', 40_000);
    await orderIn('returned', { contactId: buyer.id }, 'CNY', 50_000);
    await orderIn('cancelled', { contactId: buyer.id }, 'CNY', 60_000);
    const deleted = await orderIn('paid', { contactId: buyer.id }, 'CNY', 70_000);
    await sales.orders.remove({ id: deleted.id });
    const accepted = await sales.orders.create({ kind: 'quote', contactId: buyer.id, currency: 'CNY', lines: line(80_000) });
    await sales.orders.setStatus({ id: accepted.id, version: 1, status: 'accepted' });
    await orderIn('delivered', { companyId: company.id }, 'CNY', 4_000);
    await orderIn('paid', { contactId: outsider.id }, 'CNY', 90_000);
    // An order on the company and its contact at once is counted once.
    await orderIn('paid', { companyId: company.id, contactId: buyer.id }, 'CNY', 5);

    const ofBuyer = await sales.customer({ kind: 'contact', id: buyer.id });
    expect(ofBuyer.lifetimeRevenue).toEqual([
      { currency: 'CNY', amountMinor: 3_005 },
      { currency: 'USD', amountMinor: 300 },
    ]);
    expect(ofBuyer.orders).toHaveLength(8);
    const ofCompany = await sales.customer({ kind: 'company', id: company.id });
    expect(ofCompany.lifetimeRevenue).toEqual([
      { currency: 'CNY', amountMinor: 7_005 },
      { currency: 'USD', amountMinor: 300 },
    ]);
    expect(ofCompany.orders).toHaveLength(9);
    expect(ofCompany.orders.map((order) => order.id)).toEqual([...ofCompany.orders.map((order) => order.id)].sort((a, b) => b - a));
    expect((await sales.customer({ kind: 'contact', id: outsider.id })).lifetimeRevenue).toEqual([{ currency: 'CNY', amountMinor: 90_000 }]);

    // Deals come from the deal list, newest first.
    const older = insertDeal(sqlite, { currency: 'CNY', contactId: buyer.id, title: 'Older' });
    const newer = insertDeal(sqlite, { currency: 'CNY', contactId: buyer.id, companyId: company.id, title: 'Newer' });
    sqlite.prepare('UPDATE deals SET updated_at = updated_at - 1000 WHERE id = ?').run(older);
    expect((await sales.customer({ kind: 'contact', id: buyer.id })).deals.map((deal) => deal.id)).toEqual([newer, older]);
    expect((await sales.customer({ kind: 'company', id: company.id })).deals.map((deal) => deal.title)).toEqual(['Newer']);

    expect((await rapportError(() => sales.customer({ kind: 'company', id: 9_999 }))).code).toBe('NOT_FOUND');
  });

  it('counts the live records that depend on a contact or company', async () => {
    const core = salesCore();
    const { sales, api, sqlite } = core;
    const company = await api.people.companies.create({ name: 'Acme' });
    const contact = await api.people.contacts.create({ name: 'Ann', companyId: company.id });
    insertDeal(sqlite, { currency: 'CNY', contactId: contact.id, companyId: company.id });
    const gone = insertDeal(sqlite, { currency: 'CNY', contactId: contact.id });
    sqlite.prepare('UPDATE deals SET deleted_at = 1 WHERE id = ?').run(gone);
    await sales.orders.create({ kind: 'quote', contactId: contact.id, currency: 'CNY', lines: [{ productId: null, description: 'x', quantity: 1, unitPriceMinor: 1 }] });
    const now = Date.now();
    sqlite
      .prepare(`INSERT INTO activities (channel, subject, occurred_at, contact_id, version, created_at, updated_at) VALUES ('call', 'Hello', ?, ?, 1, ?, ?)`)
      .run(now, contact.id, now, now);
    sqlite
      .prepare(`INSERT INTO tasks (title, company_id, version, created_at, updated_at) VALUES ('Renew', ?, 1, ?, ?), ('Old', ?, 1, ?, ?)`)
      .run(company.id, now, now, company.id, now, now);

    expect(await sales.dependents({ kind: 'contact', id: contact.id })).toEqual({ deals: 1, orders: 1, activities: 1, tasks: 0 });
    expect(await sales.dependents({ kind: 'company', id: company.id })).toEqual({ deals: 1, orders: 0, activities: 0, tasks: 2 });
    expect((await rapportError(() => sales.dependents({ kind: 'contact', id: 9_999 }))).code).toBe('NOT_FOUND');
  });
});

import Database from 'better-sqlite3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MAX_MINOR, formatMoney } from '../db/contract/money';
import { appLink, expectFieldMessage, openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

test.describe.configure({ mode: 'serial' });

const host = useFreshWorkspace();
/** How many leading rows of each sorted list are compared with the database. */
const ROWS = 15;
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/**
 * The oracle: the expected order read straight from the database file (opened read-only), with
 * SQL written here rather than the app's. Ties are broken by id in the sort's direction; NULLs
 * sort as the SQL expression says (each list spells out where they go).
 */
function expectedLabels(sql: string, direction: 'asc' | 'desc'): string[] {
  const db = new Database(host().dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql.replaceAll('$DIR', direction.toUpperCase())).pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** The labels (the record link) of the first rows the table shows, in screen order. */
async function shownLabels(table: Locator): Promise<string[]> {
  const rows = await table.locator('[role="row"][aria-rowindex]').evaluateAll((elements) =>
    elements
      .map((row) => ({ index: Number(row.getAttribute('aria-rowindex')), label: row.querySelector('[data-row-link]')?.textContent?.trim() ?? '' }))
      .filter((row) => row.index > 1)
      .sort((a, b) => a.index - b.index)
      .map((row) => row.label),
  );
  return rows.slice(0, ROWS);
}

interface SortableList {
  nav: string;
  table: string;
  /** Per column header: the SQL (with $DIR) of the labels in that column's order. */
  columns: Record<string, string>;
  /** Sortable columns hidden by default: shown through the column chooser first. */
  hidden?: string[];
}

const live = (table: string) => `FROM ${table} WHERE deleted_at IS NULL`;
const STATUS_RANK = `CASE status ${['draft', 'sent', 'accepted', 'declined', 'converted', 'placed', 'paid', 'shipped', 'delivered', 'returned', 'cancelled']
  .map((status, index) => `WHEN '${status}' THEN ${index}`)
  .join(' ')} END`;
const LIFECYCLE_RANK = "CASE lifecycle WHEN 'lead' THEN 0 WHEN 'prospect' THEN 1 WHEN 'customer' THEN 2 ELSE 3 END";

const LISTS: SortableList[] = [
  {
    nav: 'Contacts',
    table: 'Contacts',
    columns: {
      Name: `SELECT name ${live('contacts')} ORDER BY sort_name $DIR, id $DIR LIMIT ${ROWS}`,
      Lifecycle: `SELECT name ${live('contacts')} ORDER BY ${LIFECYCLE_RANK} $DIR, sort_name $DIR, id $DIR LIMIT ${ROWS}`,
      Updated: `SELECT name ${live('contacts')} ORDER BY updated_at $DIR, id $DIR LIMIT ${ROWS}`,
      Created: `SELECT name ${live('contacts')} ORDER BY created_at $DIR, id $DIR LIMIT ${ROWS}`,
    },
    hidden: ['Created'],
  },
  {
    nav: 'Companies',
    table: 'Companies',
    columns: {
      Name: `SELECT name ${live('companies')} ORDER BY sort_name $DIR, id $DIR LIMIT ${ROWS}`,
      Updated: `SELECT name ${live('companies')} ORDER BY updated_at $DIR, id $DIR LIMIT ${ROWS}`,
      Created: `SELECT name ${live('companies')} ORDER BY created_at $DIR, id $DIR LIMIT ${ROWS}`,
    },
    hidden: ['Created'],
  },
  {
    nav: 'Deals',
    table: 'Deals',
    columns: {
      Title: `SELECT title ${live('deals')} ORDER BY sort_title $DIR, id $DIR LIMIT ${ROWS}`,
      Amount: `SELECT title ${live('deals')} ORDER BY amount_minor $DIR, id $DIR LIMIT ${ROWS}`,
      // A deal without an expected close date sorts after every dated one when ascending.
      'Expected close': `SELECT title ${live('deals')} ORDER BY expected_close_date IS NULL $DIR, expected_close_date $DIR, id $DIR LIMIT ${ROWS}`,
      Updated: `SELECT title ${live('deals')} ORDER BY updated_at $DIR, id $DIR LIMIT ${ROWS}`,
    },
  },
  {
    nav: 'Products',
    table: 'Products',
    columns: {
      SKU: `SELECT name ${live('products')} AND active = 1 ORDER BY lower(sku) $DIR, id $DIR LIMIT ${ROWS}`,
      Name: `SELECT name ${live('products')} AND active = 1 ORDER BY sort_name $DIR, id $DIR LIMIT ${ROWS}`,
      'Unit price': `SELECT name ${live('products')} AND active = 1 ORDER BY unit_price_minor $DIR, id $DIR LIMIT ${ROWS}`,
    },
  },
  {
    nav: 'Orders',
    table: 'Orders',
    columns: {
      Number: `SELECT number ${live('orders')} ORDER BY number $DIR, id $DIR LIMIT ${ROWS}`,
      // The customer shown: the contact, else the company, else the deal; one with none sorts last ascending.
      Customer: `SELECT o.number FROM orders o LEFT JOIN contacts c ON c.id = o.contact_id LEFT JOIN companies co ON co.id = o.company_id
        LEFT JOIN deals d ON d.id = o.deal_id WHERE o.deleted_at IS NULL
        ORDER BY coalesce(c.sort_name, co.sort_name, d.sort_title) IS NULL $DIR, coalesce(c.sort_name, co.sort_name, d.sort_title) $DIR, o.id $DIR LIMIT ${ROWS}`,
      // In the journey's order, not alphabetically.
      Status: `SELECT number ${live('orders')} ORDER BY ${STATUS_RANK} $DIR, id $DIR LIMIT ${ROWS}`,
      Issued: `SELECT number ${live('orders')} ORDER BY issued_at $DIR, id $DIR LIMIT ${ROWS}`,
      Total: `SELECT number ${live('orders')} ORDER BY total_minor $DIR, id $DIR LIMIT ${ROWS}`,
    },
  },
];

test('sample data for the lists', async ({ page }) => {
  await openFirstRun(page, host().url, 'Load sample data');
});

for (const list of LISTS) {
  test(`${list.nav}: every sortable column sorts both ways`, async ({ page }) => {
    await page.goto(host().url);
    await nav(page).getByRole('link', { name: list.nav, exact: true }).click();
    const table = page.getByRole('table', { name: list.table, exact: true });
    await expect(table.locator('[data-row-link]').first()).toBeVisible();
    for (const header of list.hidden ?? []) {
      await page.getByRole('button', { name: 'Columns' }).click();
      await page.getByRole('group', { name: 'Columns' }).getByLabel(header, { exact: true }).check();
      await page.keyboard.press('Escape');
    }
    for (const [header, sql] of Object.entries(list.columns)) {
      const columnHeader = table.getByRole('columnheader', { name: header, exact: true });
      const seen: string[] = [];
      for (let click = 0; click < 2; click++) {
        const before = await columnHeader.getAttribute('aria-sort');
        await columnHeader.getByRole('button').click();
        await expect(columnHeader).not.toHaveAttribute('aria-sort', before ?? 'none');
        const sort = (await columnHeader.getAttribute('aria-sort'))!;
        const direction = sort === 'ascending' ? 'asc' : 'desc';
        seen.push(direction);
        const expected = expectedLabels(sql, direction);
        expect(expected.length, `${list.nav} has rows to sort`).toBeGreaterThan(3);
        await expect.poll(() => shownLabels(table), { message: `${list.nav} by ${header} ${direction}` }).toEqual(expected.slice(0, ROWS));
      }
      expect(seen.sort()).toEqual(['asc', 'desc']);
    }
    await screenshot(page, `60-sorted-${list.nav.toLowerCase()}`);
  });
}

/** One row from the database file (read-only), for picking records the sample data made. */
function dbRow<Row>(sql: string): Row {
  const db = new Database(host().dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get() as Row;
  } finally {
    db.close();
  }
}

test('a lead whose deal is won becomes a customer, and History says why; only leads convert; dialogs start on their first field', async ({ page }) => {
  const lead = dbRow<{ id: number; name: string; company: string | null }>(
    `SELECT c.id, c.name, co.name AS company FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
     WHERE c.lifecycle = 'lead' AND c.deleted_at IS NULL ORDER BY c.id LIMIT 1`,
  );
  await page.goto(host().url);
  await page.goto(appLink(page, `#/contacts/${lead.id}`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(lead.name) })).toBeVisible();

  // Log call (the "c" shortcut) opens on its first field, not on the close button.
  await page.keyboard.press('c');
  const logCall = page.getByRole('dialog', { name: `Log call · ${lead.name}` });
  await expect(logCall.getByLabel('Channel')).toBeFocused();
  await logCall.getByRole('button', { name: 'Cancel' }).click();
  await expect(logCall).toBeHidden();

  await page.getByRole('button', { name: 'Convert to deal' }).click();
  const convert = page.getByRole('dialog', { name: `Convert ${lead.name} to a deal` });
  await expect(convert.getByLabel('Title', { exact: true })).toBeFocused();
  await convert.getByRole('button', { name: 'Convert' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${lead.name} is now a prospect` })).toBeVisible();
  const title = lead.company ? `${lead.company} · ${lead.name}` : lead.name;
  await expect(page.getByRole('list', { name: 'Stages of the pipeline' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark won' }).click();
  await expect(page.getByRole('list', { name: 'Stages of the pipeline' }).locator('[aria-current="step"]')).toHaveText('Won');

  await page.goto(appLink(page, `#/contacts/${lead.id}`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(lead.name) })).toContainText('Customer');
  const history = page.getByRole('list', { name: 'History' });
  const entry = history.getByRole('listitem').filter({ hasText: `because deal “${title}” was won` });
  await expect(entry).toContainText('Lifecycle');
  await expect(entry).toContainText('Prospect');
  await expect(entry).toContainText('Customer');
  await expect(entry.getByRole('link', { name: `because deal “${title}” was won` })).toBeVisible();
  // A customer is not offered "Convert to deal".
  await expect(page.getByRole('button', { name: 'Convert to deal' })).toHaveCount(0);
  await entry.scrollIntoViewIfNeeded();
  await screenshot(page, '61-history-cause-en', { fullPage: true });

  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  await expect(page.getByRole('list', { name: '历史记录' }).getByRole('listitem').filter({ hasText: `因为商机“${title}”已赢单` })).toBeVisible();
  await screenshot(page, '61-history-cause-zh', { fullPage: true });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '订单' }).click();
  await page.getByRole('columnheader', { name: '合计' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: '合计' })).toHaveAttribute('aria-sort', 'descending');
  await screenshot(page, '62-orders-sorted-zh');
  await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
  await expect(nav(page)).toBeVisible();
});

test('validation messages say what is allowed, and go as soon as the field is fixed', async ({ page }) => {
  const contact = dbRow<{ id: number; name: string }>(`SELECT id, name FROM contacts WHERE deleted_at IS NULL ORDER BY id LIMIT 1`);
  await page.goto(host().url);
  await page.goto(appLink(page, `#/contacts/${contact.id}`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(contact.name) })).toBeVisible();

  // Log call: a negative duration, then a fraction, then a fixed one.
  await page.keyboard.press('c');
  const logCall = page.getByRole('dialog', { name: `Log call · ${contact.name}` });
  await logCall.getByLabel('Duration (minutes)').fill('-5');
  await logCall.getByRole('button', { name: 'Log it' }).click();
  await expectFieldMessage(page, 'Duration (minutes)', 'Enter a duration of 0 minutes or more');
  await logCall.getByLabel('Duration (minutes)').fill('1.5');
  await expectFieldMessage(page, 'Duration (minutes)', 'Whole minutes only');
  await logCall.getByLabel('Subject').fill('x'.repeat(201));
  await expectFieldMessage(page, 'Subject', 'At most 200 characters');
  await screenshot(page, '63-validation-log-call-en');
  await logCall.getByLabel('Duration (minutes)').fill('15');
  await expect(logCall.getByLabel('Duration (minutes)')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(logCall.getByText('Whole minutes only')).toHaveCount(0);
  await logCall.getByLabel('Subject').fill('Follow-up call');
  await expect(logCall.getByText('At most 200 characters')).toHaveCount(0);
  await logCall.getByRole('button', { name: 'Cancel' }).click();

  // A product price above the maximum states the maximum in the workspace's currency.
  await nav(page).getByRole('link', { name: 'Products', exact: true }).click();
  await page.getByRole('button', { name: 'New product' }).first().click();
  const product = page.getByRole('dialog', { name: 'New product' });
  await expect(product.getByLabel('SKU')).toBeFocused();
  const currency = await product.getByLabel('Currency').inputValue();
  await product.getByLabel('SKU').fill('BIG-1');
  await product.getByLabel('Name', { exact: true }).fill('Too dear');
  await product.getByLabel('Unit price').fill('99999999999');
  await product.getByRole('button', { name: 'Create product' }).click();
  await expectFieldMessage(page, 'Unit price', `At most ${formatMoney(MAX_MINOR, currency, 'en')}`);
  await product.getByLabel('Unit price').fill('-3');
  await expectFieldMessage(page, 'Unit price', 'Enter 0 or more');
  await screenshot(page, '64-validation-product-en');
  await product.getByLabel('Unit price').fill('12.50');
  await expect(product.getByText('Enter 0 or more')).toHaveCount(0);
  await product.getByRole('button', { name: 'Cancel' }).click();

  // An order line: "Required" under an empty description goes once it is filled.
  await page.goto(appLink(page, '#/orders/new?kind=order'));
  await page.getByRole('button', { name: 'Create order' }).click();
  await expectFieldMessage(page, 'Line 1 description', 'Required');
  await page.getByLabel('Line 1 description').fill('Gift wrapping');
  await expect(page.getByLabel('Line 1 description')).not.toHaveAttribute('aria-invalid', 'true');

  // The same messages in Chinese.
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '产品' }).click();
  await page.getByRole('button', { name: '新建产品' }).first().click();
  const productZh = page.getByRole('dialog', { name: '新建产品' });
  await productZh.getByLabel('单价').fill('99999999999');
  await productZh.getByLabel('名称', { exact: true }).fill('x'.repeat(201));
  await productZh.getByRole('button', { name: '创建产品' }).click();
  await expectFieldMessage(page, '单价', `金额最多为 ${formatMoney(MAX_MINOR, currency, 'zh-CN')}`);
  await expectFieldMessage(page, '名称', '最多 200 个字符');
  await screenshot(page, '65-validation-product-zh');
  await productZh.getByRole('button', { name: '取消' }).click();
  await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
  await expect(nav(page)).toBeVisible();
});

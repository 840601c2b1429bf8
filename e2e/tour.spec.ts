import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { en } from '../renderer/src/i18n/en';
import { zhCN } from '../renderer/src/i18n/zh-CN';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host';
import { screenshot } from './support/screenshots';
import { formatProblems, layoutProblems, untranslatedText, watchForErrors } from './support/tour-checks';

/**
 * The tour: every screen the sidebar offers (on sample data and on an empty workspace), every kind of
 * record page and every dialog, in English and Chinese, light and dark, at 1024×768 and 1440×900.
 * It fails on console errors and failed requests, sideways scrolling and clipped or covered controls,
 * English interface text in the Chinese interface, and dates or amounts not in the locale's format.
 * Screenshots go to e2e/screenshots/tour (not committed) to be looked at.
 */

type Language = 'en' | 'zh-CN';
type Resources = typeof en;
const LANGUAGES: Language[] = ['en', 'zh-CN'];
const THEMES = ['light', 'dark'] as const;
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
];

test.describe.configure({ timeout: 600_000 });

interface Workspaces {
  sample: RunningHost;
  empty: RunningHost;
}

/** A workspace created as a person in that language would: through the first-run screen. */
async function createWorkspace(browser: Browser, language: Language, sampleData: boolean): Promise<RunningHost> {
  const host = await startBrowserHostProcess();
  const context = await browser.newContext({ locale: language });
  const page = await context.newPage();
  const T: Resources = language === 'en' ? en : (zhCN as unknown as Resources);
  await page.goto(host.url);
  await page.getByRole('button', { name: sampleData ? T.firstRun.loadSample : T.firstRun.startEmpty }).click();
  await expect(page.getByRole('heading', { level: 1, name: T.contacts.title })).toBeVisible({ timeout: 30_000 });
  await context.close();
  return host;
}

/** Ids of one record of each kind, read from the file itself. */
function recordIds(dbFile: string) {
  const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string) => (sqlite.prepare(sql).get() as { id: number } | undefined)?.id;
    return {
      contact: one('SELECT contact_id AS id FROM deals WHERE deleted_at IS NULL AND contact_id IS NOT NULL ORDER BY id LIMIT 1'),
      lead: one(`SELECT id FROM contacts WHERE lifecycle = 'lead' AND deleted_at IS NULL ORDER BY id LIMIT 1`),
      company: one('SELECT company_id AS id FROM contacts WHERE company_id IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 1'),
      deal: one('SELECT id FROM deals WHERE deleted_at IS NULL ORDER BY id LIMIT 1'),
      order: one(`SELECT id FROM orders WHERE kind = 'order' AND deleted_at IS NULL ORDER BY id LIMIT 1`),
      quote: one(`SELECT id FROM orders WHERE kind = 'quote' AND deleted_at IS NULL ORDER BY id LIMIT 1`),
    };
  } finally {
    sqlite.close();
  }
}

class Tour {
  readonly problems: string[] = [];
  private readonly errors;

  constructor(
    readonly page: Page,
    readonly language: Language,
    readonly label: string,
  ) {
    this.errors = watchForErrors(page);
  }

  get T(): Resources {
    return this.language === 'en' ? en : (zhCN as unknown as Resources);
  }

  /** Goes to a screen by its address, as a link would, and waits until it has loaded. */
  async visit(hash: string, name: string) {
    await this.page.evaluate((target) => {
      window.location.hash = target;
    }, hash);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    await this.settled();
    // The tab's title follows the page: "Deals · Rapport", "王芳 · Rapport".
    const heading = ((await this.page.getByRole('heading', { level: 1 }).first().textContent()) ?? '').trim();
    const title = (await this.page.title()).split(' · ')[0]!;
    if (!heading.includes(title)) this.problems.push(`${this.label} ${name}: the tab says “${title}” on the page “${heading}”`);
    await this.check(name);
  }

  /** Loading spinners gone and fonts in: the screen as a person sees it. */
  async settled() {
    await expect(this.page.locator('.loading-state')).toHaveCount(0, { timeout: 20_000 });
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  async check(name: string) {
    const where = `${this.label} ${name}`;
    const found = [
      ...(await layoutProblems(this.page)),
      ...(this.language === 'zh-CN' ? await untranslatedText(this.page) : []),
      ...(await formatProblems(this.page, this.language)),
      ...this.errors.take(),
    ];
    this.problems.push(...found.map((problem) => `${where}: ${problem}`));
    await screenshot(this.page, `tour/${this.label}-${name}`);
  }

  /** Opens a dialog with `open`, checks it, and closes it with Escape (nothing is saved). */
  async dialog(name: string, open: () => Promise<void>, dialog: Locator = this.page.locator('dialog[open]')) {
    await open();
    await expect(dialog).toBeVisible();
    await this.settled();
    await this.check(name);
    await this.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
}

for (const language of LANGUAGES) {
  test.describe(`the tour in ${language}`, () => {
    let workspaces: Workspaces;
    test.beforeAll(async ({ browser }) => {
      workspaces = { sample: await createWorkspace(browser, language, true), empty: await createWorkspace(browser, language, false) };
    });
    test.afterAll(async () => {
      await workspaces?.sample.stop();
      await workspaces?.empty.stop();
    });

    for (const theme of THEMES) {
      for (const size of SIZES) {
        test(`${theme}, ${size.width}×${size.height}`, async ({ browser }) => {
          const label = `${language}-${theme}-${size.width}`;
          const context = await browser.newContext({ locale: language, viewport: size, colorScheme: theme });
          await context.addInitScript(
            ({ chosenTheme, chosenLanguage }) => {
              localStorage.setItem('rapport.theme', chosenTheme);
              localStorage.setItem('rapport.language', chosenLanguage);
            },
            { chosenTheme: theme, chosenLanguage: language },
          );
          const problems: string[] = [];
          try {
            problems.push(...(await tourSample(await context.newPage(), workspaces.sample, language, label)));
            problems.push(...(await tourEmpty(await context.newPage(), workspaces.empty, language, `${label}-empty`)));
          } finally {
            await context.close();
          }
          expect(problems).toEqual([]);
        });
      }
    }
  });
}

/** The sidebar's screens, the new-record pages, one record page of each kind and every dialog. */
async function tourSample(page: Page, host: RunningHost, language: Language, label: string): Promise<string[]> {
  const tour = new Tour(page, language, label);
  const T = tour.T;
  const ids = recordIds(host.dbFile);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: T.contacts.title })).toBeVisible();
  await tour.settled();

  for (const [hash, name] of [
    ['#/today', 'today'],
    ['#/contacts', 'contacts'],
    ['#/companies', 'companies'],
    ['#/pipeline', 'pipeline'],
    ['#/deals', 'deals'],
    ['#/forecast', 'forecast'],
    ['#/orders', 'orders'],
    ['#/products', 'products'],
    ['#/trash', 'trash'],
    ['#/settings', 'settings'],
    ['#/pipeline/settings', 'pipeline-settings'],
    ['#/contacts/new', 'contact-new'],
    ['#/companies/new', 'company-new'],
    ['#/deals/new', 'deal-new'],
    ['#/orders/new?kind=order', 'order-new'],
    ['#/orders/new?kind=quote', 'quote-new'],
  ] as const) {
    await tour.visit(hash, name);
  }

  await tour.visit(`#/contacts/${ids.contact}`, 'contact');
  await tour.dialog('dialog-log-activity', () => page.getByRole('button', { name: T.activity.logActivity }).first().click());
  await tour.dialog('dialog-log-call', () => page.getByRole('button', { name: T.activity.logCall }).first().click());
  await tour.dialog('dialog-delete-contact', () => page.getByRole('button', { name: T.common.delete, exact: true }).click());
  await tour.visit(`#/contacts/${ids.lead}`, 'contact-lead');
  await tour.dialog('dialog-convert-lead', () => page.getByRole('button', { name: T.leads.convertButton }).click());
  await tour.visit(`#/companies/${ids.company}`, 'company');
  await tour.visit(`#/deals/${ids.deal}`, 'deal');
  await tour.visit(`#/orders/${ids.order}`, 'order');
  await tour.visit(`#/orders/${ids.quote}`, 'quote');

  await tour.visit('#/today', 'today-again');
  await tour.dialog('dialog-new-task', () => page.getByRole('button', { name: T.tasks.new }).click());

  await tour.visit('#/contacts', 'contacts-selected');
  const contactRows = page.getByRole('table', { name: T.contacts.tableLabel }).getByRole('row');
  await contactRows.nth(1).getByRole('checkbox').check();
  await contactRows.nth(2).getByRole('checkbox').check();
  await tour.check('contacts-bulk-bar');
  await tour.dialog('dialog-bulk-tag', () => page.getByRole('button', { name: T.bulk.tagSelected }).click());
  await tour.dialog('dialog-bulk-delete', () => page.getByRole('button', { name: T.bulk.deleteSelected }).click());
  await page.getByRole('button', { name: T.bulk.clearSelection }).click();
  await page.getByRole('button', { name: T.list.columns }).click();
  await tour.check('contacts-column-chooser');
  await page.keyboard.press('Escape');

  // A back link returns where the user came from, named as that page is.
  await tour.visit('#/deals', 'deals-again');
  await page.getByRole('table', { name: T.deals.tableLabel }).getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('link', { name: `← ${T.deals.title}` })).toBeVisible();
  await tour.visit('#/pipeline', 'pipeline-again');
  await page.getByRole('article').first().getByRole('link').first().click();
  await expect(page.getByRole('link', { name: `← ${T.board.title}` })).toBeVisible();

  await tour.visit('#/deals', 'deals-selected');
  await page.getByRole('table', { name: T.deals.tableLabel }).getByRole('row').nth(1).getByRole('checkbox').check();
  await tour.dialog('dialog-bulk-owner', () => page.getByRole('button', { name: T.deals.bulkOwner }).click());
  await page.getByRole('button', { name: T.bulk.clearSelection }).click();

  await tour.visit('#/pipeline', 'pipeline-menu');
  await page.getByRole('button', { name: T.board.moveTo }).first().click();
  await tour.check('pipeline-move-menu');
  // Moving to a lost stage asks why; Escape leaves the deal where it was.
  await tour.dialog('dialog-lost-reason', () => page.getByRole('menu').getByRole('menuitem').last().click());

  await tour.visit('#/products', 'products-again');
  await tour.dialog('dialog-new-product', () => page.getByRole('button', { name: T.products.new }).first().click());
  await tour.visit('#/pipeline/settings', 'pipeline-settings-again');
  await tour.dialog('dialog-new-pipeline', () => page.getByRole('button', { name: T.pipelines.new }).click());

  await tour.dialog('command-palette', () => page.keyboard.press('Control+K'));
  return tour.problems;
}

/** The sidebar's screens on a workspace with nothing in it: every empty state. */
async function tourEmpty(page: Page, host: RunningHost, language: Language, label: string): Promise<string[]> {
  const tour = new Tour(page, language, label);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: tour.T.contacts.title })).toBeVisible();
  for (const hash of ['#/today', '#/contacts', '#/companies', '#/pipeline', '#/deals', '#/forecast', '#/orders', '#/products', '#/trash', '#/settings']) {
    await tour.visit(hash, path.basename(hash));
  }
  return tour.problems;
}

import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectFieldMessage, fillDateField, openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

test.describe.configure({ mode: 'serial' });

const host = useFreshWorkspace();

/** What a date field shows, without the invisible direction marks around its time. */
const shown = (field: Locator) => expect.poll(() => field.evaluate((element) => (element.textContent ?? '').replace(/[\u2066-\u2069\u200e\u200f]/g, '').trim()));

/** A local calendar day `days` from today as YYYY-MM-DD, and how each language writes it. */
async function dayFromToday(page: Page, days: number) {
  return page.evaluate((offset) => {
    const now = new Date();
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
    const pad = (value: number) => String(value).padStart(2, '0');
    return {
      value: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
      year: date.getFullYear(),
      month: date.getMonth() + 1,
      day: date.getDate(),
      en: new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(date),
      zh: new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium' }).format(date),
      zhMonth: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long' }).format(date),
    };
  }, days);
}

test('in English the fields read month/day/year and the calendar names English months', async ({ page }) => {
  await openFirstRun(page, host().url, 'Start empty');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  const due = dialog.getByRole('group', { name: 'Due date', exact: true });
  await expect(due.getByRole('spinbutton')).toHaveCount(3);
  await expect(due.getByRole('spinbutton').first()).toHaveAttribute('data-type', 'month');

  // A time with no date is refused, and the message is the field's description.
  await fillDateField(dialog.getByRole('group', { name: 'Due time', exact: true }), '14:30');
  await dialog.getByLabel('Title').fill('Call back');
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expectFieldMessage(page, 'Due date', 'Choose a date for this time');

  const target = await dayFromToday(page, 3);
  await fillDateField(due, target.value);
  await shown(due).toBe(`${target.month}/${target.day}/${target.year}`);
  await due.getByRole('button', { name: 'Calendar' }).click();
  const calendar = page.getByRole('dialog', { name: /Calendar/ });
  await expect(calendar.getByRole('heading', { level: 2 }).last()).toHaveText(new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long' }).format(new Date(target.year, target.month - 1, 1)));
  await expect(calendar.getByRole('gridcell', { selected: true })).toHaveText(String(target.day));
  await screenshot(page, 'dates-en-light-calendar');
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();
  await screenshot(page, 'dates-en-light-fields');
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expect(dialog).toBeHidden();

  const upcoming = page.getByRole('region', { name: /^Next 7 days/ });
  await expect(upcoming.getByRole('listitem').filter({ hasText: 'Call back' })).toContainText(target.en);

  // A birthday typed on a new contact, in the dark theme, is shown in the same format.
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'New contact' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill('Birthday Person');
  const birthday = page.getByRole('group', { name: 'Birthday', exact: true });
  await fillDateField(birthday, '1990-07-09');
  await shown(birthday).toBe('7/9/1990');
  await birthday.getByRole('button', { name: /Calendar/ }).click();
  const birthdayCalendar = page.getByRole('dialog', { name: /Calendar/ });
  await expect(birthdayCalendar.getByRole('gridcell', { selected: true })).toHaveAccessibleName(/Monday, July 9, 1990/);
  await screenshot(page, 'dates-en-dark-calendar');
  await page.keyboard.press('Escape');
  await screenshot(page, 'dates-en-dark-fields');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Birthday Person' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Jul 9, 1990');
});

test('in Chinese the fields and calendar are Chinese, and a typed due date is saved as typed', async ({ page }) => {
  await page.goto(host().url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '今天' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '今天' })).toBeVisible();
  await page.getByRole('button', { name: '新建任务' }).click();
  const dialog = page.getByRole('dialog', { name: '新建任务' });
  await dialog.getByLabel('标题').fill('回访王芳');
  const due = dialog.getByRole('group', { name: '截止日期', exact: true });
  // Year first, as Chinese writes dates; placeholders are 年/月/日, not "mm/dd/yyyy".
  await expect(due.getByRole('spinbutton').first()).toHaveAttribute('data-type', 'year');
  await shown(due).toBe('年/月/日');

  // Typed through the segments: year, month, day.
  const target = await dayFromToday(page, 4);
  await fillDateField(due, target.value);
  await shown(due).toBe(`${target.year}/${target.month}/${target.day}`);
  // The time is 24-hour, with no AM/PM segment.
  const time = dialog.getByRole('group', { name: '截止时间', exact: true });
  await expect(time.locator('[data-type="dayPeriod"]')).toHaveCount(0);
  await fillDateField(time, '15:05');
  await shown(time).toBe('15:05');

  await due.getByRole('button', { name: /日历/ }).click();
  const calendar = page.getByRole('dialog', { name: /日历/ });
  await expect(calendar.getByRole('heading', { level: 2 }).last()).toHaveText(target.zhMonth);
  // Days are named in Chinese, and the week starts on Monday as it does in China.
  await expect(calendar.getByRole('gridcell', { selected: true })).toHaveAccessibleName(new RegExp(`${target.zh}星期`));
  await expect(calendar.locator('th').first()).toHaveText('一');
  await expect(calendar.getByRole('button', { name: '上一页' })).toBeVisible();
  await screenshot(page, 'dates-zh-light-calendar');
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();

  await dialog.getByLabel('提醒', { exact: true }).selectOption('custom');
  const remindAt = dialog.getByRole('group', { name: '提醒时间', exact: true });
  await fillDateField(remindAt, `${target.value}T09:30`);
  await shown(remindAt).toBe(`${target.year}/${target.month}/${target.day} 9:30`);
  await screenshot(page, 'dates-zh-light-fields');
  await dialog.getByRole('button', { name: '创建任务' }).click();
  await expect(dialog).toBeHidden();

  // Today shows it on the day typed, in the one Chinese date format.
  const upcoming = page.getByRole('region', { name: /^未来/ });
  const item = upcoming.getByRole('listitem').filter({ hasText: '回访王芳' });
  await expect(item).toContainText(`${target.zh} 15:05`);

  // Reopened (in the dark theme), the fields hold what was saved.
  await page.getByRole('button', { name: '深色主题' }).click();
  await item.getByRole('button', { name: '编辑任务“回访王芳”' }).click();
  const edit = page.getByRole('dialog', { name: '编辑任务' });
  await shown(edit.getByRole('group', { name: '截止日期', exact: true })).toBe(`${target.year}/${target.month}/${target.day}`);
  await shown(edit.getByRole('group', { name: '截止时间', exact: true })).toBe('15:05');

  // Picked from the calendar instead: the next day.
  const next = await dayFromToday(page, 5);
  await edit.getByRole('group', { name: '截止日期', exact: true }).getByRole('button', { name: /日历/ }).click();
  const editCalendar = page.getByRole('dialog', { name: /日历/ });
  if (next.month !== target.month) await editCalendar.getByRole('button', { name: '下一页' }).click();
  await editCalendar.getByRole('gridcell', { name: new RegExp(next.zh) }).click();
  await expect(editCalendar).toBeHidden();
  await shown(edit.getByRole('group', { name: '截止日期', exact: true })).toBe(`${next.year}/${next.month}/${next.day}`);
  await edit.getByRole('group', { name: '截止日期', exact: true }).getByRole('button', { name: /日历/ }).click();
  await screenshot(page, 'dates-zh-dark-calendar');
  await page.keyboard.press('Escape');
  await screenshot(page, 'dates-zh-dark-fields');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(upcoming.getByRole('listitem').filter({ hasText: '回访王芳' })).toContainText(`${next.zh} 15:05`);
});

test('the month pickers name months in the language; the forecast range follows them', async ({ page }) => {
  await page.goto(host().url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  await page.getByRole('button', { name: '深色主题' }).click();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '销售预测' }).click();
  const month = await page.evaluate(() => {
    const now = new Date();
    const from = new Date(now.getFullYear(), now.getMonth() - 5, 1);
    return { fromYear: from.getFullYear(), from: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long' }).format(from) };
  });
  const from = page.getByRole('button', { name: `从：${month.from}` });
  await expect(from).toBeVisible();
  await from.click();
  const picker = page.getByRole('dialog', { name: '从' });
  await expect(picker.getByRole('heading', { level: 2 })).toHaveText(`${month.fromYear}年`);
  await expect(picker.getByRole('button', { name: `${month.fromYear}年1月` })).toHaveText('1月');
  await screenshot(page, 'dates-zh-dark-month-picker');
  await picker.getByRole('button', { name: '上一年' }).click();
  await picker.getByRole('button', { name: `${month.fromYear - 1}年3月` }).click();
  await expect(picker).toBeHidden();
  await expect(page.getByRole('button', { name: `从：${month.fromYear - 1}年3月` })).toBeVisible();
  // An empty workspace has nothing to chart in that range, and says so rather than drawing ¥0–¥4.
  await expect(page.getByRole('heading', { name: '暂无可预测的数据' })).toBeVisible();
});

test("in Chinese a deal's expected close is typed in the field and shown whole in the deals list", async ({ page }) => {
  await page.goto(host().url);
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '商机' }).click();
  await page.getByRole('link', { name: '新建商机' }).first().click();
  await page.getByLabel('标题', { exact: true }).fill('年度维护合同');
  // A two-digit month and day make the widest date the column has to hold.
  const year = await page.evaluate(() => new Date().getFullYear() + 1);
  await fillDateField(page.getByRole('group', { name: '预计成交日期', exact: true }), `${year}-11-28`);
  await page.getByRole('button', { name: '创建商机' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /年度维护合同/ })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`${year}年11月28日`);

  await nav.getByRole('link', { name: '商机' }).click();
  const row = page.getByRole('row', { name: /年度维护合同/ });
  const date = row.getByText(`${year}年11月28日`, { exact: true });
  await expect(date).toBeVisible();
  // Not cut off ("2026年11月2…"): the text fits its cell.
  const fits = await date.evaluate((element) => {
    const cell = element.closest('[role="cell"]')!;
    return element.scrollWidth <= element.clientWidth && cell.scrollWidth <= cell.clientWidth;
  });
  expect(fits).toBe(true);
  await screenshot(page, 'dates-zh-light-deals-list');
});

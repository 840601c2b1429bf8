import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

/**
 * What the tour asserts on every screen it visits. Each check returns human-readable problems, so a
 * failure says what is wrong where ("button “Move to…” clipped by div.board-column"), not just false.
 */

function leafStrings(resource: object): string[] {
  return Object.values(resource).flatMap((value) => (value && typeof value === 'object' ? leafStrings(value) : typeof value === 'string' ? [value] : []));
}

/** Words that read the same in both interfaces: names, codes and file formats. */
const SAME_IN_BOTH = new Set(['Rapport', 'VIP', 'CSV', 'Excel', 'PDF', 'SKU', 'ISO', 'Ctrl', 'Cmd', 'Shift', 'Enter', 'Esc', 'Tab']);

/**
 * The English interface's text, as the fixed parts between interpolations ("Logged: {{subject}}" →
 * "Logged:"), that the Chinese interface never uses itself: any of them on a Chinese screen is an
 * untranslated string.
 */
export const ENGLISH_UI_FRAGMENTS: string[] = (() => {
  const chinese = leafStrings(zhCN).join('\n');
  const fragments = new Set<string>();
  for (const text of leafStrings(en)) {
    for (const part of text.split(/\{\{[^}]+\}\}|<\/?\d+>/)) {
      const fragment = part.trim().replace(/^[^A-Za-z]+|[^A-Za-z.…?!]+$/g, '');
      if (!/[A-Za-z]{3,}/.test(fragment) || SAME_IN_BOTH.has(fragment) || chinese.includes(fragment)) continue;
      fragments.add(fragment);
    }
  }
  return [...fragments];
})();

/** Console errors, uncaught exceptions, failed requests and HTTP errors, from when this is called. */
export function watchForErrors(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A list aborts its request when the search changes; that is not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return {
    /** Problems seen since the last take (and forgets them). */
    take(): string[] {
      return problems.splice(0, problems.length);
    },
  };
}

/**
 * Layout at this window size: the page must not scroll sideways, and every visible control must be
 * reachable — not cut off by a container that hides overflow, not outside the window unless inside
 * something that scrolls, not covered by another element (a banner over page actions), and not
 * with its own label cut short. With a dialog, menu or popover open, only that is checked.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const viewportWidth = document.documentElement.clientWidth;
    const viewportHeight = document.documentElement.clientHeight;
    const describe = (element: Element) => {
      const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const classes = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
      return `${element.tagName.toLowerCase()}${classes}${name ? ` “${name}”` : ''}`;
    };
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth > viewportWidth + 1) problems.push(`the page scrolls sideways by ${scroller.scrollWidth - viewportWidth}px`);

    // An open dialog, menu or popover is what the person is looking at: check that, not what it covers.
    const overlays = [...document.querySelectorAll('dialog[open], [role=menu], .popover__panel')];
    const root: ParentNode = overlays.at(-1) ?? document;
    const controls = root.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=tab], [role=menuitem], [role=combobox], [role=spinbutton]');
    for (const control of controls) {
      const rect = control.getBoundingClientRect();
      const style = getComputedStyle(control);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || control.closest('[aria-hidden=true], .visually-hidden')) continue;
      if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio') && style.opacity === '0') continue;
      let insideScroller: Element | null = null;
      for (let ancestor = control.parentElement; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
        const ancestorStyle = getComputedStyle(ancestor);
        if (ancestorStyle.overflowX === 'visible' && ancestorStyle.overflowY === 'visible') continue;
        const scrolls = /auto|scroll/.test(ancestorStyle.overflowX) || /auto|scroll/.test(ancestorStyle.overflowY);
        if (scrolls) {
          insideScroller = ancestor;
          break;
        }
        const box = ancestor.getBoundingClientRect();
        if (rect.right > box.right + 1 || rect.left < box.left - 1 || rect.bottom > box.bottom + 1 || rect.top < box.top - 1) {
          problems.push(`${describe(control)} is cut off by ${describe(ancestor).slice(0, 60)}`);
          break;
        }
      }
      if (!insideScroller && (rect.right > viewportWidth + 1 || rect.left < -1)) problems.push(`${describe(control)} sticks out of the window`);
      // A label cut short ("Move to…" shown as "Mo…"): the control or a part of its label overflows
      // a box that hides the rest (an ellipsis counts as cut: the words are not there to read).
      // A list's long name may end in an ellipsis when its full text is the link's tooltip.
      if ((control.tagName === 'BUTTON' || control.getAttribute('role') === 'button' || control.tagName === 'A') && !control.hasAttribute('title')) {
        const parts = [control, ...control.querySelectorAll('*')];
        if (parts.some((part) => part.scrollWidth > part.clientWidth + 1 && getComputedStyle(part).overflowX !== 'visible' && part.clientWidth > 0)) {
          problems.push(`${describe(control)} has its label cut short`);
        }
      }
      // Covered: the control's centre, where a person clicks, must hit the control itself.
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      if (x < 0 || y < 0 || x > viewportWidth || y > viewportHeight) continue;
      if (insideScroller) {
        const box = insideScroller.getBoundingClientRect();
        if (x < box.left || x > box.right || y < box.top || y > box.bottom) continue;
      }
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== control && !control.contains(hit) && !hit.contains(control) && !hit.closest('.toasts') && !(hit instanceof HTMLLabelElement && hit.control === control)) {
        problems.push(`${describe(control)} is covered by ${describe(hit).slice(0, 60)}`);
      }
    }
    return [...new Set(problems)];
  });
}

/** Visible text and accessible names on screen (labels, titles, placeholders, options). */
function screenTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const dialogs = [...document.querySelectorAll('dialog[open]')];
    const root = dialogs.at(-1) ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest('script, style')) continue;
      const rect = parent.getBoundingClientRect();
      if ((rect.width === 0 || rect.height === 0) && !parent.closest('option, .visually-hidden')) continue;
      texts.push(text);
    }
    for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription]')) {
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = element.getAttribute(attribute)?.trim();
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const englishPatterns = ENGLISH_UI_FRAGMENTS.map((fragment) => ({ fragment, pattern: new RegExp(`(^|[^A-Za-z])${escapeRegExp(fragment)}($|[^A-Za-z])`) }));

/**
 * In the Chinese interface, text from the English resources. What the user typed is exempt: the
 * tour's Chinese workspace is created in Chinese, and customers' own English names are not UI strings.
 */
export async function untranslatedText(page: Page): Promise<string[]> {
  const found = new Set<string>();
  for (const text of await screenTexts(page)) {
    if (!/[A-Za-z]{3}/.test(text)) continue;
    for (const { fragment, pattern } of englishPatterns) if (pattern.test(text)) found.add(`“${fragment}” in “${text.slice(0, 80)}”`);
  }
  return [...found];
}

const ENGLISH_MONTH = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{1,4}\b/;
const CHINESE_DATE = /\d{4}年\d{1,2}月/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const SLASH_DATE = /\b\d{1,4}\/\d{1,2}\/\d{1,4}\b/;

/**
 * Dates and amounts not in the locale's one format: no ISO or slash dates on screen (those are for
 * inputs), no English month names in Chinese and no 年/月 dates in English, and in a CNY workspace
 * no "CN¥" (the Chinese format writes ¥).
 */
export async function formatProblems(page: Page, language: 'en' | 'zh-CN'): Promise<string[]> {
  const found = new Set<string>();
  // The browser's own date inputs speak the browser's language, not the app's ("mm/dd/yyyy").
  // (React Aria keeps a hidden, unfocusable one beside its own field for autofill; that one is not seen.)
  const native = await page
    .locator('input[type=date], input[type=time], input[type=datetime-local], input[type=month]')
    .evaluateAll((inputs) => inputs.filter((input) => (input as HTMLInputElement).tabIndex >= 0).length);
  if (native > 0) found.add(`${native} native date or time input(s), which follow the browser's language`);
  for (const text of await screenTexts(page)) {
    if (ISO_DATE.test(text)) found.add(`an ISO date in “${text.slice(0, 80)}”`);
    if (SLASH_DATE.test(text)) found.add(`a slash date in “${text.slice(0, 80)}”`);
    if (language === 'zh-CN' && ENGLISH_MONTH.test(text)) found.add(`an English date in “${text.slice(0, 80)}”`);
    if (language === 'zh-CN' && /CN¥|\bAM\b|\bPM\b/.test(text)) found.add(`an English money or time format in “${text.slice(0, 80)}”`);
    if (language === 'en' && CHINESE_DATE.test(text)) found.add(`a Chinese date in “${text.slice(0, 80)}”`);
  }
  return [...found];
}

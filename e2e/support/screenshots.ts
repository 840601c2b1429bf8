import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const folder = fileURLToPath(new URL('../screenshots', import.meta.url));

/** Saves a screenshot of the current screen as e2e/screenshots/<name>.png (looked at by eye). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; path?: string } = {}) {
  fs.mkdirSync(folder, { recursive: true });
  // Let toasts and transitions settle so the picture shows the screen, not an animation frame.
  await page.waitForTimeout(150);
  await page.screenshot({ path: options.path ?? path.join(folder, `${name}.png`), fullPage: options.fullPage ?? false, animations: 'disabled' });
}

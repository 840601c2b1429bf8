import { defineConfig } from '@playwright/test';

/**
 * End-to-end flows in the system Chromium (never a downloaded browser) against the built renderer
 * served by the browser host on a fresh database file per spec file. `npm run test:e2e` builds
 * the renderer first.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  // No retries anywhere: a test that needs one is a defect in the test or the app (DESIGN §8).
  retries: 0,
  timeout: Number(process.env.RAPPORT_E2E_TIMEOUT ?? 60_000),
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1360, height: 840 },
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['db/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'release/**', 'e2e/**'],
    // Some core tests start several OS processes on one database file.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.tmp/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches the core only through the API: contract schemas and router types.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+db/(?!contract/|api/router$)',
              message: 'The renderer imports only db/contract/* and `import type` of db/api/router.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'db/ is plain Node; it never imports electron.' }] }],
    },
  },
  {
    // The write path is a boundary (DESIGN §4): area code never holds the database handle. It takes a
    // Store, reads through Reads and writes through the writer. Tests and test support may open files.
    files: ['db/people/**/*.ts', 'db/sales/**/*.ts', 'db/work/**/*.ts', 'db/system/**/*.ts'],
    // The session builds each signed-in connection's view of the workspace: core plumbing, not an area.
    ignores: ['**/*.test.ts', '**/*-test-support.ts', 'db/system/session.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'db/ is plain Node; it never imports electron.' },
            { name: 'better-sqlite3', message: 'Area code never holds the database handle: read through Reads, write through the writer (DESIGN §4).' },
          ],
          patterns: [
            { group: ['**/read/statements'], message: 'Area code reads through Reads (db/read/reads.ts), not raw statements.' },
            { group: ['**/workspace/open'], importNames: ['Workspace'], message: 'Area code takes a Store (db/workspace/store.ts), which has no database handle.' },
            { group: ['**/read/reads'], importNames: ['connectionOf'], message: 'connectionOf is plumbing for db/read, db/search and db/write only.' },
          ],
        },
      ],
    },
  },
);

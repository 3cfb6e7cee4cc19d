import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'util',
  'stream',
  'worker_threads',
];

// Each top-level folder is one runtime; these rules keep it so.
const noNode = { group: nodeBuiltins, message: 'This folder runs without Node: keep Node APIs in electron/.' };
const noElectron = { group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron.' };
const noBackend = {
  group: ['better-sqlite3', '**/electron/**', '../electron/*'],
  message: 'Reach the backend through the API contract.',
};
// Inside electron/, only Electron's own processes import it: the backend, database, CSV, quotes,
// CLI, web host and launcher run under plain Node too (browser mode, the CLI, a worker).
const electronOnlyInMain = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main and electron/preload import Electron; this code also runs under plain Node.',
};
const noDynamicElectron = {
  selector: 'ImportExpression[source.value=/^electron(\\/|$)/]',
  message: electronOnlyInMain.message,
};
const noRenderer = {
  group: ['**/renderer/**', 'react', 'react-dom', 'react-dom/*'],
  message: 'shared/ and electron/ do not import the renderer or React.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.native/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noElectron, noBackend, noRenderer] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A React Compiler rule; the app is not built with the compiler, so nothing is skipped.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', { patterns: [noNode, noElectron, noBackend] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRenderer, electronOnlyInMain] }],
      'no-restricted-syntax': ['error', noDynamicElectron],
    },
  },
  {
    // Electron's main and preload processes, their tests, and the double that stands in for Electron there.
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'electron/test-support/electron-double.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer] }], 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', '.ci/**/*.mjs', 'bin/**/*.cjs', 'e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['bin/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

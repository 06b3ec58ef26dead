import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every Node built-in, bare and with the node: prefix, plus the native and Electron modules.
const nodeOnly = ['better-sqlite3', 'electron', 'node:*', ...builtinModules.filter((m) => !m.startsWith('_'))];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSAsExpression > TSAnyKeyword', message: 'No `as any`.' }],
    },
  },
  {
    files: ['main/**', 'scripts/**', 'test/**', 'bin/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, empty included.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The two entry points that load Electron at run time: its types are not installed where its
    // binary cannot be downloaded, so they require it and type it by main/electron/electronModule.ts.
    files: ['main/electron/main.ts', 'main/preload.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The renderer talks to the core through the typed contract only: no Node, no SQL, no Electron.
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'global', '__dirname'],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'The renderer has no Node, Electron or SQLite: call window.plenary through the contract.' },
            { group: ['**/main/**', '../main/*', '../../main/*'], message: 'The renderer may import shared/ but never main/.' },
          ],
        },
      ],
    },
  },
  {
    // The project's shared/ code is imported by both sides, so it imports neither.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'shared/ runs on both sides: no Node, Electron or SQLite.' },
            { group: ['**/main/**', '**/renderer/**', 'react', 'react-dom'], message: 'shared/ imports neither main/ nor renderer/.' },
          ],
        },
      ],
    },
  },
  {
    // Only the Electron shell and the preload may reach Electron.
    files: ['main/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron'], message: 'main/core runs without Electron.' }] }],
    },
  },
);

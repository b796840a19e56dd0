// ESLint flat config: typescript-eslint strict with type information, and restricted
// imports that keep the runtimes apart (shared ↛ DOM/Node/Electron/renderer, renderer ↛ Node/Electron).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'dist/**', 'node_modules/**', 'docs/**', 'coverage/**', '.proto-*/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='ipcMain'][callee.property.name='handle']",
          message: 'Register IPC handlers through electron/main/ipc/register.ts only.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins], message: 'shared/ is pure: no Node, no Electron.' },
            { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ imports nothing outside shared/.' },
            { group: ['dexie', 'dexie-react-hooks', 'zustand'], message: 'shared/ holds no storage or UI state.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins], message: 'The renderer never imports Node or Electron.' },
            { group: ['**/electron/**'], message: 'The renderer talks to main only through window.cwg (renderer/lib/api).' },
          ],
        },
      ],
    },
  },
  {
    // Components reach IndexedDB only through repositories in renderer/db.
    files: ['renderer/app/**/*.{ts,tsx}', 'renderer/features/**/*.{ts,tsx}', 'renderer/stores/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins], message: 'The renderer never imports Node or Electron.' },
            { group: ['**/electron/**'], message: 'The renderer talks to main only through window.cwg (renderer/lib/api).' },
            { group: ['dexie'], message: 'Components use repositories in renderer/db, never Dexie directly.' },
            { group: ['**/db/db', '**/db/db.ts'], message: 'Components use repositories in renderer/db, never the Dexie instance.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Main and preload never import the renderer.' }] },
      ],
    },
  },
  {
    // Services shared by the Electron main and the `cwg` command line: no IPC layer (they report
    // failures as ServiceError), and no Electron outside the adapter electronPorts.ts.
    files: ['electron/main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'Main and preload never import the renderer.' },
            { group: ['**/ipc/dispatch', '**/ipc/handlers', '**/ipc/register', '**/main/ipc/**', '../ipc/*'], message: 'Services do not depend on the IPC layer: throw ServiceError (services/serviceError.ts).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/services/**/*.ts'],
    ignores: ['electron/main/services/electronPorts.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electronPorts.ts adapts Electron; the command line runs these services without it.' }],
          patterns: [
            { group: ['**/renderer/**'], message: 'Main and preload never import the renderer.' },
            { group: ['**/ipc/dispatch', '**/ipc/handlers', '**/ipc/register', '**/main/ipc/**', '../ipc/*'], message: 'Services do not depend on the IPC layer: throw ServiceError (services/serviceError.ts).' },
          ],
        },
      ],
    },
  },
  {
    // The `cwg` command: Node, shared/ and the main-process services; never Electron, the IPC
    // layer, the renderer or the Electron adapters.
    files: ['cli/**/*.{ts,mjs}'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // A bare 'electron' pattern would also match the path ../electron/main/services.
          paths: [{ name: 'electron', message: 'The command line runs without Electron.' }],
          patterns: [
            { group: ['**/renderer/**'], message: 'The command line never imports the renderer (it has no DOM and no IndexedDB).' },
            {
              group: ['**/electron/main/**', '!**/electron/main/services', '!**/electron/main/services/**', '**/electron/main/services/electronPorts*'],
              message: 'The command line uses shared/ and electron/main/services/ only (not IPC, windows, menus or the Electron adapters).',
            },
            { group: ['**/electron/preload/**'], message: 'The command line never imports a preload.' },
            { group: ['dexie', 'dexie-react-hooks', 'zustand', 'react-router', 'react-i18next'], message: 'The command line holds no storage or UI state.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', '**/main/**'], message: 'The preload is built from shared/ipc only.' },
            { group: [...nodeBuiltins], message: 'The sandboxed preload has no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

// Lint rules that hold the architecture of ../shared/DESIGN.md in place:
// the engine never imports Electron, the renderer never imports Node or Electron,
// and the shared contract imports neither Node nor the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'http',
  'net',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'electron/core is plain Node: it must never import electron.' },
          ],
          patterns: [
            { group: ['electron/*'], message: 'electron/core is plain Node: it must never import electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to window.confidant.' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node modules.' },
            { group: ['**/electron/**'], message: 'The renderer talks only to window.confidant.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is the contract: no Electron.' }],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is the contract: no Node modules.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of ours.' },
          ],
        },
      ],
    },
  },
);

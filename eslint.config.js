// Lint: typescript-eslint's recommended rules everywhere, and the rule that keeps the pure core
// pure: nothing in lib/ may import browser, WXT, Dexie or UI code, or touch browser globals.
import globals from 'globals';
import tseslint from 'typescript-eslint';

const BROWSER_ONLY_GLOBALS = [
  'browser', 'chrome', 'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage',
  'indexedDB', 'CSS', 'Highlight', 'getComputedStyle', 'requestAnimationFrame', 'requestIdleCallback',
].map((name) => ({ name, message: 'lib/ is the pure core: take the Window/Document as an argument instead.' }));

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.output-*/', '.wxt/', 'demo-output/', '.cache/', 'assets/model/'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '#imports', '@wxt-dev/*'], message: 'lib/ must not import WXT.' },
            { group: ['dexie', 'dexie-*'], message: 'lib/ must not import Dexie: storage lives in store/.' },
            { group: ['webextension-polyfill', '@webext-core/*'], message: 'lib/ must not use extension APIs.' },
            { group: ['preact', 'preact/*'], message: 'lib/ holds no UI.' },
            { group: ['**/ext/*', '**/store/*', '**/entrypoints/*', '**/components/*'], message: 'lib/ may not depend on the extension.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...BROWSER_ONLY_GLOBALS],
    },
  },
);

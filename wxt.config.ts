import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { MANIFEST_STYLE_SHEET } from './lib/marks/palette';

const ICON_SIZES = [16, 32, 48, 96, 128] as const;
/** The marks' ::highlight() rules, generated from lib/marks/palette.ts into the build. */
const MARKS_CSS = 'content-scripts/marks.css';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Overridable so that parallel builds (benchmarks, several checkouts) do not clobber each other.
  outDir: process.env.LEDE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // prefresh (hot reload) is for `wxt dev` only; the builds stay plain.
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    // LEDE_MINIFY=0 keeps the code readable, for CPU profiles of the content script in real pages.
    build: { target: 'es2022', minify: process.env.LEDE_MINIFY === '0' ? false : undefined },
  }),
  manifest: ({ browser }) => ({
    name: 'Lede',
    description:
      'Marks the people, organisations, places and figures in news articles, shows the key facts, and keeps your highlights and notes on your machine.',
    icons: Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`])),
    action: { default_title: 'Lede: this article' },
    // storage: settings; unlimitedStorage: readers' notes must never be evicted;
    // contextMenus: "Highlight with Lede" on a selection. No host permissions beyond
    // the content script's own matches, no tabs permission, no network.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
    // The note editor is an extension page shown in an iframe on articles, so that the page's
    // scripts cannot read what the reader types.
    web_accessible_resources:
      browser === 'firefox'
        ? ['note.html']
        : [{ resources: ['note.html'], matches: ['http://*/*', 'https://*/*'] }],
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
      'cycle-marks': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Move to the next marked name or figure',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lede@lede.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // Icons live in assets/icons (the design card's layout) rather than public/.
    'build:publicAssets': (_wxt, files) => {
      for (const size of ICON_SIZES) {
        files.push({ absoluteSrc: resolve('assets/icons', `${size}.png`), relativeDest: `icon/${size}.png` });
      }
      files.push({ contents: MANIFEST_STYLE_SHEET, relativeDest: MARKS_CSS });
    },
    // The page gets our mark styles with its own, before it first resolves styles (see palette.ts).
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.css = [...(script.css ?? []), MARKS_CSS];
    },
  },
});

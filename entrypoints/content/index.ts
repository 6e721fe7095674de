import { startLede } from '../../ext/content/start';
import type { PageWindow } from '../../ext/content/painter';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Articles inside same-origin iframes get their own run in their frame.
  allFrames: true,
  // WXT's old way of stopping an earlier copy of this script, kept for its own older versions:
  // a window.postMessage into the page, which page scripts receive, and which took about 7 ms of
  // the page's main thread on every load (measured in Chromium 156 on the corpus pages) before
  // Lede started. The synchronous DOM event WXT now uses does the same job.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const startedAt = performance.now();
    startLede(window as PageWindow, ctx.signal, startedAt).catch((error: unknown) => {
      console.warn('Lede could not start on this page:', error);
    });
  },
});

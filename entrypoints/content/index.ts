import { startLede } from '../../ext/content/start';
import type { PageWindow } from '../../ext/content/painter';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Articles inside same-origin iframes get their own run in their frame.
  allFrames: true,
  main(ctx) {
    const startedAt = performance.now();
    startLede(window as PageWindow, ctx.signal, startedAt).catch((error: unknown) => {
      console.warn('Lede could not start on this page:', error);
    });
  },
});

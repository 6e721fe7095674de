// Tests evaluate code inside the extension's own pages and service worker, where `chrome` exists.
declare const chrome: typeof import('@wxt-dev/browser').browser;

// Launches Chromium with the built Lede extension in a given profile, for the demo, the
// end-to-end tests and the page benchmark. Headed when a display exists (unless told otherwise).
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { resolve } from 'node:path';
import { findChromium } from './chromium.ts';

export const CHROME_BUILD = resolve(process.env.LEDE_OUT_DIR ?? '.output', 'chrome-mv3');

export interface LaunchOptions {
  profileDir: string;
  headless?: boolean;
  extensionDir?: string;
  /**
   * Host names other than 127.0.0.1 resolve to nothing, so a saved page's requests elsewhere fail
   * at once inside the browser. Cheaper than routing every request through Playwright, which
   * loads the browser process and skews page timings.
   */
  localOnly?: boolean;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedExtension> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; elsewhere: `npx playwright install chromium`) or set LEDE_CHROMIUM.',
    );
  }
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath,
    headless: options.headless ?? !process.env.DISPLAY,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      ...(options.localOnly ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}

// The Playwright fixture every end-to-end test uses: a fresh Chromium profile with the built
// extension, its id, the popup URL, and a local HTTP server on 127.0.0.1 for fixture pages.
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../scripts/launch.ts';
import { startStaticServer, type StaticServer } from '../scripts/static-server.ts';

export interface LedeFixtures {
  /** The profile directory of this test's browser; `relaunch()` reopens the same one. */
  profileDir: string;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  popupUrl: string;
  page: Page;
  /** Closes the browser and starts it again on the same profile (a browser restart). */
  relaunch: () => Promise<{ context: BrowserContext; serviceWorker: Worker; page: Page }>;
}

export interface LedeWorkerFixtures {
  server: StaticServer;
}

export const test = base.extend<LedeFixtures, LedeWorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startStaticServer(['e2e/pages', 'assets/demo']);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // The launched browser is held in a box so that relaunch() can swap it for the teardown.
  context: async ({ profileDir }, use) => {
    const launched = await launchWithExtension({ profileDir, headless: true });
    const box = { current: launched };
    (launched.context as BrowserContext & { __ledeBox?: typeof box }).__ledeBox = box;
    await use(launched.context);
    await box.current.context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  popupUrl: async ({ extensionId }, use) => {
    await use(`chrome-extension://${extensionId}/popup.html`);
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  relaunch: async ({ context, profileDir }, use) => {
    const box = (context as BrowserContext & { __ledeBox?: { current: Awaited<ReturnType<typeof launchWithExtension>> } })
      .__ledeBox!;
    await use(async () => {
      await box.current.context.close();
      box.current = await launchWithExtension({ profileDir, headless: true });
      const page = box.current.context.pages()[0] ?? (await box.current.context.newPage());
      return { context: box.current.context, serviceWorker: box.current.serviceWorker, page };
    });
  },
});

export { expect };

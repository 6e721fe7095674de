import { defineConfig } from '@playwright/test';

// Lets the request log see the extension service worker's requests (the no-network test).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// End-to-end tests drive the real built extension in real Chromium (see e2e/fixtures.ts).
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['json']],
  outputDir: '.cache/e2e-results',
});

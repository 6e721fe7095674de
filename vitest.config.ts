import { defineConfig } from 'vitest/config';

// Unit tests cover the pure core (lib/), the store, the library page's reads (ext/library, on
// fake-indexeddb) and node-side tooling; e2e/ is Playwright's.
export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'store/**/*.test.ts', 'ext/library/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', '.output', 'e2e'],
    testTimeout: 30_000,
    setupFiles: ['scripts/fast-check-seed.ts'],
  },
});

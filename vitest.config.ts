import { defineConfig } from 'vitest/config';

// Unit tests cover the pure core (lib/) and node-side tooling; e2e/ is Playwright's.
export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'store/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', '.output', 'e2e'],
    testTimeout: 30_000,
  },
});

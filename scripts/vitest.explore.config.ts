// `npm run test:explore`: the property tests on random seeds, FC_FACTOR (default 20) times as many
// runs, no timeout; fast-check prints the seed and the shrunk counterexample of any failure.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL('./fast-check-explore.ts', import.meta.url)) }] },
  test: {
    include: ['lib/**/*.test.ts', 'store/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', '.output', 'e2e'],
    testTimeout: 0,
  },
});

// `npm run test:explore` puts this in place of 'fast-check' (an alias in vitest.explore.config.ts):
// the same library, with every property run FC_FACTOR times as often (default 20) on a random seed.
import * as real from '../node_modules/fast-check/lib/fast-check.js';

const factor = Number(process.env.FC_FACTOR ?? 20);

function assert(property: unknown, params?: { numRuns?: number }): unknown {
  return (real.assert as (p: unknown, q: unknown) => unknown)(property, { ...params, numRuns: (params?.numRuns ?? 100) * factor });
}

export * from '../node_modules/fast-check/lib/fast-check.js';
export default { ...real, assert };

// Vitest setup: property tests run on a fixed seed, so `npm test` (and CI) is reproducible: a red
// run is a regression in the code, never a rare case a new seed happened to find. The search for
// new cases is `npm run test:explore` (random seeds, many more runs); what it finds becomes a
// focused unit test. FC_SEED=<n> replays one seed, FC_SEED=random draws one.
import fc from 'fast-check';

const FIXED_SEED = 20251202;
const wanted = process.env.FC_SEED;
if (wanted !== 'random') fc.configureGlobal({ seed: wanted ? Number(wanted) : FIXED_SEED });

// Finds a Chromium for the demo, the end-to-end tests and the benchmarks, and installs one
// where the platform allows it. Order: $LEDE_CHROMIUM, the distribution's chromium,
// Playwright's own download. Shared by `npm run demo`, `npm test` and the bench scripts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

const HOW_TO_GET_ONE =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; elsewhere: `npx playwright install chromium`) or set LEDE_CHROMIUM=/path/to/chromium.';

/** The Chromium to use, or null when there is none on this machine. */
export function findChromium(): string | null {
  const fromEnv = process.env.LEDE_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`LEDE_CHROMIUM=${fromEnv} does not exist.`);
    return fromEnv;
  }
  for (const path of SYSTEM_PATHS) if (existsSync(path)) return path;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // playwright-core has no browser of its own unless `playwright install` ran.
  }
  return null;
}

function canAptInstall(): boolean {
  return (
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

/** Returns a Chromium path, installing Debian's chromium as root where possible; else throws a one-line how-to. */
export function ensureChromium(log: (line: string) => void = console.error): string {
  const found = findChromium();
  if (found) return found;
  if (!canAptInstall()) throw new Error(HOW_TO_GET_ONE);
  log('Lede: no Chromium found; installing Debian/Ubuntu package "chromium" with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  const installed = findChromium();
  if (!installed) throw new Error(HOW_TO_GET_ONE);
  return installed;
}

// `tsx scripts/chromium.ts` prints the path (installing if needed): used by .ci/run and by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

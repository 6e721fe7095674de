// Builds the Chrome extension once before the end-to-end run, unless the caller already did
// (npm test builds both browsers first and sets LEDE_SKIP_BUILD=1).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROME_BUILD } from '../scripts/launch.ts';

export default function globalSetup(): void {
  if (process.env.LEDE_SKIP_BUILD === '1' && existsSync(`${CHROME_BUILD}/manifest.json`)) return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}

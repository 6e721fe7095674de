// Renders assets/icons/icon.svg to the PNG sizes Chrome Web Store and AMO want.
// Run by hand after changing the SVG: `npx tsx scripts/make-icons.ts` (needs Chromium).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.ts';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync('assets/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
  );
  await page.screenshot({ path: `assets/icons/${size}.png`, omitBackground: true });
}
await browser.close();
console.log(`wrote ${SIZES.map((s) => `assets/icons/${s}.png`).join(', ')}`);

// `npm run demo [FILE|URL]`: builds Lede, opens the bundled demo article (or the given file or
// URL) in Chromium with the extension, waits for Lede to paint, and writes into demo-output/:
// page.png, popup.png, extraction.json (facts and entities as the content script found them)
// and export.md (the popup's Markdown export). Headed when a display exists, else headless.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ensureChromium } from './chromium.ts';
import { launchWithExtension } from './launch.ts';
import { startStaticServer } from './static-server.ts';
import type { PageState } from '../ext/messages.ts';

const OUT = resolve('demo-output');
const target = process.argv[2];

function log(line: string): void {
  console.log(line);
}

async function main(): Promise<void> {
  process.env.LEDE_CHROMIUM = ensureChromium(log);
  if (process.env.LEDE_SKIP_BUILD !== '1') {
    log('Building the extension …');
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  // A file is served from its folder; a URL is opened as it is; nothing means the demo article.
  let servedRoot = resolve('assets/demo');
  let path = '/article.html';
  let url: string | null = null;
  if (target && /^https?:\/\//.test(target)) url = target;
  else if (target) {
    if (!existsSync(target)) throw new Error(`No such file: ${target}`);
    servedRoot = dirname(resolve(target));
    path = `/${basename(target)}`;
  }
  const server = await startStaticServer([servedRoot]);
  const pageUrl = url ?? `${server.origin}${path}`;
  const profileDir = mkdtempSync(join(tmpdir(), 'lede-demo-'));
  const headless = !process.env.DISPLAY;
  log(`Opening ${pageUrl} in Chromium (${headless ? 'headless' : 'headed'}) with Lede …`);
  const { context, extensionId, serviceWorker } = await launchWithExtension({ profileDir, headless });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pageUrl, { waitUntil: 'load' });
    const painted = await page
      .waitForFunction(() => performance.getEntriesByName('lede:painted').length > 0, undefined, { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    const mark = await page.evaluate(() => {
      const entry = performance.getEntriesByName('lede:painted')[0] as PerformanceMark | undefined;
      return entry?.detail as { entities: number; figures: number; ms: number } | undefined;
    });
    await page.screenshot({ path: join(OUT, 'page.png'), fullPage: true });

    await page.bringToFront();
    const tabId = await serviceWorker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
    );
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="popup"], [data-testid="popup-unavailable"]', { timeout: 15_000 });
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: join(OUT, 'popup.png'), fullPage: true });

    // What the content script found, exactly as the popup receives it.
    const state = (await popup.evaluate(
      (id) =>
        new Promise((resolve) =>
          chrome.tabs.sendMessage(id!, { id: 1, type: 'pageState', data: undefined, timestamp: Date.now() }, resolve),
        ),
      tabId,
    )) as { res?: PageState } | undefined;
    const pageState = state?.res;
    writeFileSync(join(OUT, 'extraction.json'), `${JSON.stringify(pageState ?? null, null, 2)}\n`);

    // The Markdown export, through the popup's own button (copy + download).
    const exportButton = popup.getByTestId('export-markdown');
    let markdown: string | null = null;
    if ((await exportButton.count()) > 0) {
      const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 10_000 }), exportButton.first().click()]);
      const file = await download.path();
      markdown = readFileSync(file, 'utf8');
      writeFileSync(join(OUT, 'export.md'), markdown);
    }

    summarise(pageUrl, painted, mark, pageState, markdown !== null);
  } finally {
    await context.close();
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

function summarise(
  pageUrl: string,
  painted: boolean,
  mark: { entities: number; figures: number; ms: number } | undefined,
  state: PageState | undefined,
  exported: boolean,
): void {
  log('');
  log(`Lede on ${pageUrl}`);
  if (!painted || !mark) {
    log(`  No marks painted (${state ? `page status: ${state.status}` : 'the content script did not answer'}).`);
  } else {
    log(`  Painted ${mark.entities} entity and ${mark.figures} figure mentions in ${mark.ms.toFixed(1)} ms.`);
  }
  if (state) {
    const byType = new Map<string, number>();
    for (const entity of state.entities) byType.set(entity.type, (byType.get(entity.type) ?? 0) + 1);
    log(`  Entities by type: ${[...byType].map(([type, n]) => `${type} ${n}`).join(', ') || 'none'}`);
    const top = state.entities.slice(0, 6).map((e) => `${e.label} (${e.count})`);
    if (top.length) log(`  Most mentioned: ${top.join(', ')}`);
    log(`  Top facts:`);
    for (const fact of state.facts.slice(0, 6)) log(`    • ${fact.value}: ${fact.measures}${fact.when ? ` (${fact.when})` : ''}`);
    if (!state.facts.length) log('    (none)');
  }
  log('');
  log(`Wrote ${OUT}/page.png, popup.png, extraction.json${exported ? ', export.md' : ' (no Markdown export in this build)'}`);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
});

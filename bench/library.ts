// The library page with a big library, in real Chromium with the built extension:
// 10,000 highlights over 1,000 articles written through the real background, then the
// page's first view (navigation start → first commit with rows) and search latency
// (input event → results in the DOM), against the store's Dexie word index answering
// the same queries in the same page (LedeRepo.listArticles / searchLibrary).
//
//   npm run bench:library                 (builds first unless LEDE_SKIP_BUILD=1)
//   LEDE_LIBRARY_ARTICLES=1000 LEDE_LIBRARY_PER_ARTICLE=10 LEDE_LIBRARY_RUNS=10
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, launchWithExtension } from '../scripts/launch.ts';
import { seedMessages, seedThroughBackground } from '../scripts/library-seed.ts';

const ARTICLES = Number(process.env.LEDE_LIBRARY_ARTICLES ?? 1000);
const PER_ARTICLE = Number(process.env.LEDE_LIBRARY_PER_ARTICLE ?? 10);
const RUNS = Number(process.env.LEDE_LIBRARY_RUNS ?? 10);
const QUERIES = ['budget', 'lyon', 'minister deficit', 'harb', 'energy', 'nairobi shipment', 'check', 'wire report', 'gdansk', 'medellin council', 'zzzz nothing'];

function stats(xs: number[]): { median: number; p95: number; max: number; mean: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1]!, mean: xs.reduce((a, b) => a + b, 0) / xs.length };
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

interface FirstView {
  ms: number;
  rows: number;
  /** Navigation start → the page's module runs (HTML, scripts). */
  moduleMs: number;
  /** Reading both tables. */
  readMs: number;
  /** Building the catalogue. */
  buildMs: number;
  /** Navigation start → every article's highlights read and shown. */
  completeMs: number;
  /** The first view's own read (opening the database, the newest rows and their highlights). */
  firstReadMs: number;
  /** Of which opening the database. */
  openMs: number;
}

async function firstRender(page: Page, url: string): Promise<FirstView> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('lede:library-complete').length > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const m = performance.getEntriesByName('lede:library-rendered')[0] as PerformanceMark;
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    return {
      ms: m.startTime,
      rows: (m.detail as { rows: number }).rows,
      moduleMs: performance.getEntriesByName('lede:library-module')[0]?.startTime ?? NaN,
      readMs: performance.getEntriesByName('lede:library-read')[0]?.duration ?? NaN,
      buildMs: performance.getEntriesByName('lede:library-build')[0]?.duration ?? NaN,
      completeMs: performance.getEntriesByName('lede:library-complete')[0]?.startTime ?? NaN,
      firstReadMs: performance.getEntriesByName('lede:library-first-read')[0]?.duration ?? NaN,
      openMs: performance.getEntriesByName('lede:library-db-open')[0]?.duration ?? NaN,
    };
  });
}

/** Types the whole query as one input event (as a paste would) and reads the page's measure. */
async function searchOnce(page: Page, query: string): Promise<{ ms: number; results: number }> {
  const before = await page.evaluate(() => performance.getEntriesByName('lede:library-search').length);
  await page.getByTestId('library-search').fill(query);
  await page.waitForFunction((n) => performance.getEntriesByName('lede:library-search').length > n, before);
  const m = await page.evaluate((n) => {
    const e = performance.getEntriesByName('lede:library-search')[n] as PerformanceMeasure;
    return { ms: e.duration, results: (e.detail as { results: number }).results };
  }, before);
  // Back to the full list without timing it, so each query starts from the same state.
  await page.getByTestId('library-search').fill('');
  await page.waitForFunction((n) => performance.getEntriesByName('lede:library-search').length > n, before + 1);
  return m;
}

/** The rival: the store's Dexie word index, through the page's own LedeRepo. */
async function dexieSearch(page: Page, query: string): Promise<{ listMs: number; searchMs: number; results: number }> {
  return page.evaluate(async (query) => {
    const { repo } = (globalThis as unknown as { lede: { repo: { listArticles(f: object): Promise<{ total: number }>; searchLibrary(q: string): Promise<unknown[]> } } }).lede;
    let t = performance.now();
    const page = await repo.listArticles({ query });
    const listMs = performance.now() - t;
    t = performance.now();
    await repo.searchLibrary(query);
    return { listMs, searchMs: performance.now() - t, results: page.total };
  }, query);
}

async function main(): Promise<void> {
  if (!(process.env.LEDE_SKIP_BUILD === '1' && existsSync(`${CHROME_BUILD}/manifest.json`))) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  // LEDE_LIBRARY_PROFILE keeps a seeded profile between runs (seeding takes minutes).
  const keep = process.env.LEDE_LIBRARY_PROFILE;
  const profileDir = keep ?? mkdtempSync(join(tmpdir(), 'lede-bench-library-'));
  const seededMarker = join(profileDir, `lede-seeded-${ARTICLES}x${PER_ARTICLE}`);
  const { context, extensionId } = await launchWithExtension({ profileDir, headless: true });
  try {
    const libraryUrl = `chrome-extension://${extensionId}/library.html`;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const messages = seedMessages(ARTICLES, PER_ARTICLE);
    const seedStart = performance.now();
    const reused = existsSync(seededMarker);
    if (!reused) {
      await seedThroughBackground(page, messages, 100, (done) => {
        if (done % 2000 === 0) process.stderr.write(`seeded ${done}/${messages.length}\n`);
      });
      if (keep) writeFileSync(seededMarker, '');
    }
    const seedMs = reused ? NaN : performance.now() - seedStart;

    const renders: FirstView[] = [];
    // One warm-up load (the browser's first compile of the page's code), then timed runs.
    await firstRender(page, libraryUrl);
    for (let i = 0; i < RUNS; i++) renders.push(await firstRender(page, libraryUrl));
    const counts = await page.getByTestId('library-counts').textContent();

    const ours: number[] = [];
    const rivalsList: number[] = [];
    const rivalsSearch: number[] = [];
    const rows: string[] = [];
    for (const q of QUERIES) {
      const mine = [];
      for (let k = 0; k < 3; k++) mine.push(await searchOnce(page, q));
      const theirs = [];
      for (let k = 0; k < 3; k++) theirs.push(await dexieSearch(page, q));
      const m = stats(mine.map((x) => x.ms)).median;
      const dl = stats(theirs.map((x) => x.listMs)).median;
      const ds = stats(theirs.map((x) => x.searchMs)).median;
      ours.push(...mine.map((x) => x.ms));
      rivalsList.push(...theirs.map((x) => x.listMs));
      rivalsSearch.push(...theirs.map((x) => x.searchMs));
      if (mine[0]!.results !== theirs[0]!.results) throw new Error(`"${q}": the page found ${mine[0]!.results} articles, the Dexie index ${theirs[0]!.results}`);
      rows.push(`${q.padEnd(20)} ${String(mine[0]!.results).padStart(7)} ${r1(m).toFixed(1).padStart(12)} ${r1(dl).toFixed(1).padStart(16)} ${r1(ds).toFixed(1).padStart(18)}`);
    }

    const fr = stats(renders.map((r) => r.ms));
    const so = stats(ours);
    const rl = stats(rivalsList);
    const rs = stats(rivalsSearch);
    console.log(`Library: ${counts} (${reused ? 'seeded profile reused' : `seeded ${messages.length} highlights through the background in ${(seedMs / 1000).toFixed(1)} s`}); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
    console.log('');
    console.log(`First view, navigation start → first commit with rows, ${RUNS} loads (ms): median ${r1(fr.median)}, p95 ${r1(fr.p95)}, max ${r1(fr.max)}; rows rendered ${renders[0]!.rows}`);
    const part = (f: (v: FirstView) => number) => r1(stats(renders.map(f)).median);
    console.log(`  of which (medians): page and scripts loaded ${part((v) => v.moduleMs)}, first view's read ${part((v) => v.firstReadMs)} (opening the database ${part((v) => v.openMs)})`);
    console.log(`Whole library shown (every article's counts), navigation start → commit (ms): median ${part((v) => v.completeMs)}; its read of both tables ${part((v) => v.readMs)}, catalogue built ${part((v) => v.buildMs)}`);
    console.log('');
    console.log('query                 results  in-memory ms  Dexie list ms  Dexie search ms');
    for (const row of rows) console.log(row);
    console.log('');
    console.log('search latency (ms)         median     p95     max');
    const line = (name: string, s: ReturnType<typeof stats>) => console.log(`${name.padEnd(26)} ${r1(s.median).toFixed(1).padStart(7)} ${r1(s.p95).toFixed(1).padStart(7)} ${r1(s.max).toFixed(1).padStart(7)}`);
    line('in-memory (the page)', so);
    line('Dexie index listArticles', rl);
    line('Dexie index searchLibrary', rs);
    console.log(
      JSON.stringify({
        annotations: messages.length,
        articles: ARTICLES,
        firstRenderMs: r1(fr.median),
        firstRenderP95Ms: r1(fr.p95),
        firstRenderModuleMs: part((v) => v.moduleMs),
        firstRenderReadMs: part((v) => v.firstReadMs),
        firstRenderOpenDbMs: part((v) => v.openMs),
        completeMs: part((v) => v.completeMs),
        completeReadMs: part((v) => v.readMs),
        completeBuildMs: part((v) => v.buildMs),
        searchMs: r1(so.median),
        searchP95Ms: r1(so.p95),
        searchMaxMs: r1(so.max),
        dexieListSearchMs: r1(rl.median),
        dexieSearchLibraryMs: r1(rs.median),
        seedMs: Number.isNaN(seedMs) ? null : Math.round(seedMs),
        runs: RUNS,
        // Other work on the machine skews every figure; this says how busy it was.
        loadAverage1m: r1(loadavg()[0]!),
      }),
    );
  } finally {
    await context.close();
    if (!keep) rmSync(profileDir, { recursive: true, force: true });
  }
}

await main();

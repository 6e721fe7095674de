// The library page with a big library, in real Chromium with the built extension:
// 10,000 highlights over 1,000 articles written through the real background, then the
// page's first view (navigation start → first commit with rows) and search latency
// (input event → results in the DOM), against the store's IndexedDB word index answering
// the same queries in the same page. The library is seeded with the background's own
// createAnnotation message, as a content script sends it; the page exposes nothing to the
// benchmark beyond its performance marks.
//
//   npm run bench:library                 (builds first unless LEDE_SKIP_BUILD=1)
//   LEDE_LIBRARY_ARTICLES=1000 LEDE_LIBRARY_PER_ARTICLE=10 LEDE_LIBRARY_RUNS=20
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, launchWithExtension } from '../scripts/launch.ts';
import { seedMessages, seedThroughBackground } from '../scripts/library-seed.ts';
import { queryWords } from '../lib/model/search-words.ts';

const ARTICLES = Number(process.env.LEDE_LIBRARY_ARTICLES ?? 1000);
const PER_ARTICLE = Number(process.env.LEDE_LIBRARY_PER_ARTICLE ?? 10);
const RUNS = Number(process.env.LEDE_LIBRARY_RUNS ?? 20);
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
  /** Navigation start → the HTML is parsed (domInteractive). */
  parsedMs: number;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads the page and reads its marks once it has shown the whole library. Nothing of
 * Playwright's runs in the page while it loads: waitForFunction would inject Playwright's
 * selector engine (about 30 ms of script on this machine) into the page mid-load, and the
 * first view would pay for it. So the page is left alone, then asked.
 */
async function firstRender(page: Page, url: string): Promise<FirstView> {
  await page.goto(url, { waitUntil: 'commit' });
  for (let waited = 0; ; waited += 500) {
    await sleep(500);
    if (await page.evaluate(() => performance.getEntriesByName('lede:library-complete').length > 0)) break;
    if (waited > 60_000) throw new Error('The library page did not finish loading in a minute');
  }
  return page.evaluate(() => {
    const m = performance.getEntriesByName('lede:library-rendered')[0] as PerformanceMark;
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    return {
      ms: m.startTime,
      rows: (m.detail as { rows: number }).rows,
      parsedMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domInteractive ?? NaN,
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

/**
 * The rival: the store's IndexedDB word index (the `search` table's multi-entry `words`
 * index, which LedeRepo.listArticles queries through Dexie), asked in the same page for
 * the articles holding every query word as a prefix. Only the ids are found, nothing is
 * rendered, so this is the least that approach costs per search.
 */
async function indexSearch(page: Page, query: string): Promise<{ ms: number; results: number }> {
  return page.evaluate(async (words) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lede');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const t = performance.now();
    const index = db.transaction('search').objectStore('search').index('words');
    let found = null as Set<IDBValidKey> | null;
    for (const w of words) {
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = index.getAllKeys(IDBKeyRange.bound(w, `${w}\uffff`));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const ids = new Set<IDBValidKey>(keys);
      found = found === null ? ids : new Set([...found].filter((id) => ids.has(id)));
      if (found.size === 0) break;
    }
    const ms = performance.now() - t;
    db.close();
    return { ms, results: found?.size ?? 0 };
  }, queryWords(query));
}

async function main(): Promise<void> {
  if (!(process.env.LEDE_SKIP_BUILD === '1' && existsSync(`${CHROME_BUILD}/manifest.json`))) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  // LEDE_LIBRARY_PROFILE keeps a seeded profile between runs (seeding takes minutes).
  const keep = process.env.LEDE_LIBRARY_PROFILE;
  const profileDir = keep ?? mkdtempSync(join(tmpdir(), 'lede-bench-library-'));
  // Named for what the seed holds, so that a profile seeded by an older seed is seeded again.
  const seededMarker = join(profileDir, `lede-seeded-${ARTICLES}x${PER_ARTICLE}-with-names`);
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
    if (renders.some((r) => r.rows === 0)) throw new Error('A first view showed no rows');
    // A reused profile must hold exactly what this run reports.
    const expected = `${ARTICLES.toLocaleString('en-US')} articles · ${messages.length.toLocaleString('en-US')} highlights`;
    if (counts !== expected) throw new Error(`The library shows "${counts}", not the seeded "${expected}"; remove the profile and seed again`);

    const ours: number[] = [];
    const rivals: number[] = [];
    const rows: string[] = [];
    for (const q of QUERIES) {
      const mine = [];
      for (let k = 0; k < 3; k++) mine.push(await searchOnce(page, q));
      const theirs = [];
      for (let k = 0; k < 3; k++) theirs.push(await indexSearch(page, q));
      const m = stats(mine.map((x) => x.ms)).median;
      const them = stats(theirs.map((x) => x.ms)).median;
      ours.push(...mine.map((x) => x.ms));
      rivals.push(...theirs.map((x) => x.ms));
      if (mine[0]!.results !== theirs[0]!.results) throw new Error(`"${q}": the page found ${mine[0]!.results} articles, the word index ${theirs[0]!.results}`);
      rows.push(`${q.padEnd(20)} ${String(mine[0]!.results).padStart(7)} ${r1(m).toFixed(1).padStart(12)} ${r1(them).toFixed(1).padStart(17)}`);
    }

    const fr = stats(renders.map((r) => r.ms));
    const so = stats(ours);
    const ri = stats(rivals);
    console.log(`Library: ${counts} (${reused ? 'seeded profile reused' : `seeded ${messages.length} highlights through the background in ${(seedMs / 1000).toFixed(1)} s`}); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
    console.log('');
    console.log(`First view, navigation start → first commit with rows, ${RUNS} loads (ms): median ${r1(fr.median)}, p95 ${r1(fr.p95)}, max ${r1(fr.max)}; rows rendered ${renders[0]!.rows}`);
    const part = (f: (v: FirstView) => number) => r1(stats(renders.map(f)).median);
    console.log(
      `  of which (medians): HTML parsed ${part((v) => v.parsedMs)}, page's module running ${part((v) => v.moduleMs)}, first view's read ${part((v) => v.firstReadMs)} (opening the database ${part((v) => v.openMs)})`,
    );
    console.log(`Whole library shown (every article's counts), navigation start → commit (ms): median ${part((v) => v.completeMs)}; its read of both tables ${part((v) => v.readMs)}, catalogue built ${part((v) => v.buildMs)}`);
    console.log('');
    console.log('query                 results  in-memory ms  word index ms');
    for (const row of rows) console.log(row);
    console.log('');
    console.log('search latency (ms)         median     p95     max');
    const line = (name: string, s: ReturnType<typeof stats>) => console.log(`${name.padEnd(26)} ${r1(s.median).toFixed(1).padStart(7)} ${r1(s.p95).toFixed(1).padStart(7)} ${r1(s.max).toFixed(1).padStart(7)}`);
    line('in-memory (the page)', so);
    line('word index (ids only)', ri);
    console.log(
      JSON.stringify({
        annotations: messages.length,
        articles: ARTICLES,
        firstRenderMs: r1(fr.median),
        firstRenderP95Ms: r1(fr.p95),
        firstRenderParsedMs: part((v) => v.parsedMs),
        firstRenderModuleMs: part((v) => v.moduleMs),
        firstRenderReadMs: part((v) => v.firstReadMs),
        firstRenderOpenDbMs: part((v) => v.openMs),
        completeMs: part((v) => v.completeMs),
        completeReadMs: part((v) => v.readMs),
        completeBuildMs: part((v) => v.buildMs),
        searchMs: r1(so.median),
        searchP95Ms: r1(so.p95),
        searchMaxMs: r1(so.max),
        wordIndexSearchMs: r1(ri.median),
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

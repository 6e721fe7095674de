// `npm run bench:pages`: the built extension in Chromium over every saved page of the corpus,
// served from 127.0.0.1 (other host names do not resolve, page scripts kept as saved).
//
// Per page, median of RUNS loads in fresh tabs:
//   painted ms   — content-script start → marks painted (`lede:painted` detail.ms)
//   longest task — the longest stretch our content script ran without yielding (detail.longestTaskMs)
//   marks        — entity and figure marks painted
//   inside       — share of marks inside the expected article: the mark with up to four words
//                  of context either side (from its own block) occurs in the expected text
//   coverage     — share of the expected article's words found in the text Lede indexed
//                  (word multisets, lib/page/metrics.ts)
//   stages       — when each stage ended, ms from content-script start: body found, text indexed,
//                  settings read, the background received the text and answered (its clock,
//                  met on the epoch), the answer arrived, marks painted
// BENCH_RUNS sets the loads per page (default 3); BENCH_OUTSIDE=1 prints every mark found outside
// the expected article, with its context, on stderr.
// Totals: median and p95 of painted ms over pages, max longest task, inside and coverage pooled
// over English pages (word- and mark-weighted). Last line: one JSON object.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { poolScores, scoreBody, words, type BodyScore } from '../lib/page/metrics.ts';
import { ensureChromium } from '../scripts/chromium.ts';
import { corpusPages, expectedText } from '../scripts/corpus.ts';
import { launchWithExtension } from '../scripts/launch.ts';
import { startStaticServer } from '../scripts/static-server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONTEXT_WORDS = 4;
const POLL_MS = 250;

interface PaintedDetail {
  entities: number;
  figures: number;
  ms: number;
  longestTaskMs: number;
  /** Milliseconds from content-script start at which each stage of the run ended. */
  stages?: Record<string, number>;
  /** The stage after which the longest task ran (e.g. "found": while indexing). */
  longestTaskAfter?: string;
}

interface MarkSample {
  text: string;
  before: string;
  after: string;
}

/** Every `lede-*` mark (not the reader's notes) with its text and a little context from its block. */
async function readMarks(page: Page): Promise<MarkSample[]> {
  return page.evaluate(() => {
    const BLOCK = /^(P|DIV|LI|H[1-6]|BLOCKQUOTE|TD|TH|DD|DT|FIGCAPTION|SECTION|ARTICLE|HEADER|FOOTER|MAIN|ASIDE|PRE)$/;
    const out: { text: string; before: string; after: string }[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('lede-') || name.startsWith('lede-note-') || name === 'lede-flash') return;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        let block: Node | null = r.startContainer.parentNode;
        while (block && !(block instanceof Element && BLOCK.test(block.tagName))) block = block.parentNode;
        const whole = document.createRange();
        whole.selectNodeContents(block ?? r.startContainer);
        const before = document.createRange();
        before.setStart(whole.startContainer, whole.startOffset);
        before.setEnd(r.startContainer, r.startOffset);
        const after = document.createRange();
        after.setStart(r.endContainer, r.endOffset);
        after.setEnd(whole.endContainer, whole.endOffset);
        out.push({ text: range.toString(), before: before.toString().slice(-200), after: after.toString().slice(0, 200) });
      }
    });
    return out;
  });
}

async function articleText(page: Page, popup: Page, serviceWorker: { evaluate: Page['evaluate'] }): Promise<string> {
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const answer = (await popup.evaluate(
    // The top frame, as the popup asks: a page's iframes run Lede too, and the first frame to
    // answer would otherwise win (guardian-1's 404 sign-up frame answered "not found").
    (id) => new Promise((resolve) => chrome.tabs.sendMessage(id!, { id: 1, type: 'articleText', data: undefined, timestamp: Date.now() }, { frameId: 0 }, resolve)),
    tabId,
  )) as { res?: string } | undefined;
  return answer?.res ?? '';
}

/**
 * The page's `lede:painted` detail, read by polling from outside every POLL_MS for up to 10 s:
 * waitForFunction would run Playwright's own script in the page every frame, while the load we
 * time is still going on.
 */
async function paintedDetail(page: Page): Promise<PaintedDetail | null> {
  for (let waited = 0; waited < 10_000; waited += POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const detail = await page
      .evaluate(() => ((performance.getEntriesByName('lede:painted')[0] as PerformanceMark | undefined)?.detail ?? null) as PaintedDetail | null)
      .catch(() => null);
    if (detail) return detail;
  }
  return null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : 0;
}

/** Marks inside the expected text; with BENCH_OUTSIDE=1 the others are printed (stderr), to see what detection let in. */
function insideCount(marks: MarkSample[], expected: string, page: string): number {
  const haystack = ` ${words(expected).join(' ')} `;
  let inside = 0;
  for (const mark of marks) {
    const before = words(mark.before).slice(-CONTEXT_WORDS);
    const after = words(mark.after).slice(0, CONTEXT_WORDS);
    const phrase = [...before, ...words(mark.text), ...after].join(' ');
    if (phrase && haystack.includes(` ${phrase} `)) inside++;
    else if (process.env.BENCH_OUTSIDE === '1') console.error(`outside ${page}: ${before.join(' ')} [${mark.text}] ${after.join(' ')}`);
  }
  return inside;
}

async function main(): Promise<void> {
  process.env.LEDE_CHROMIUM = ensureChromium();
  if (process.env.LEDE_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const pages = corpusPages();
  const server = await startStaticServer([join(pages[0]!.dir, '..')]);
  const profileDir = mkdtempSync(join(tmpdir(), 'lede-bench-pages-'));
  const { context, extensionId, serviceWorker } = await launchWithExtension({ profileDir, headless: true, localOnly: true });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=-1`);

  const rows: {
    name: string;
    lang: string;
    english: boolean;
    painted: boolean;
    ms: number;
    longestTaskMs: number;
    marks: number;
    inside: number;
    score: BodyScore;
    stages: Record<string, number>;
    longestTaskAfter: string;
  }[] = [];
  for (const corpusPage of pages) {
    const expected = expectedText(corpusPage);
    const times: number[] = [];
    const tasks: number[] = [];
    const stageRuns: Record<string, number[]> = {};
    let longest = { ms: -1, after: '' };
    let marks: MarkSample[] = [];
    let detected = '';
    let painted = false;
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.dismiss());
      await page.goto(`${server.origin}/${corpusPage.name}/source.html`, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      const detail = await paintedDetail(page);
      if (detail) {
        painted = true;
        times.push(detail.ms);
        tasks.push(detail.longestTaskMs);
        if (detail.longestTaskMs > longest.ms) longest = { ms: detail.longestTaskMs, after: detail.longestTaskAfter ?? '' };
        for (const [stage, ms] of Object.entries(detail.stages ?? {})) (stageRuns[stage] ??= []).push(ms);
      }
      if (run === 0) {
        marks = detail ? await readMarks(page) : [];
        detected = await articleText(page, popup, serviceWorker as unknown as { evaluate: Page['evaluate'] });
      }
      await page.close();
    }
    rows.push({
      name: corpusPage.name,
      lang: corpusPage.lang,
      english: corpusPage.english,
      painted,
      ms: median(times),
      longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
      marks: marks.length,
      inside: insideCount(marks, expected, corpusPage.name),
      score: scoreBody(expected, detected),
      stages: Object.fromEntries(Object.entries(stageRuns).map(([stage, ms]) => [stage, median(ms)])),
      longestTaskAfter: longest.after,
    });
  }
  await context.close();
  await server.close();
  rmSync(profileDir, { recursive: true, force: true });

  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  console.log(`${'page'.padEnd(28)}${'lang'.padEnd(7)}${'painted ms'.padStart(11)}${'longest'.padStart(9)}${'marks'.padStart(7)}${'inside'.padStart(8)}${'coverage'.padStart(10)}`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(28)}${r.lang.padEnd(7)}${(r.painted ? r.ms.toFixed(1) : 'skipped').padStart(11)}${r.longestTaskMs.toFixed(1).padStart(9)}${String(r.marks).padStart(7)}${(r.marks ? pct(r.inside / r.marks) : '     -').padStart(8)}${pct(r.score.coverage).padStart(10)}`,
    );
  }
  // When each stage ended (ms from content-script start), median of the runs: where the time goes.
  const stageNames = [...new Set(rows.flatMap((r) => Object.keys(r.stages)))];
  console.log(`\nstage ends, ms from content-script start (longest task: after which stage)\n${'page'.padEnd(28)}${stageNames.map((s) => s.padStart(10)).join('')}  longest after`);
  for (const r of rows) {
    if (!r.painted) continue;
    console.log(`${r.name.padEnd(28)}${stageNames.map((s) => (r.stages[s]?.toFixed(1) ?? '-').padStart(10)).join('')}  ${r.longestTaskAfter}`);
  }
  const paintedRows = rows.filter((r) => r.painted);
  const english = rows.filter((r) => r.english);
  const marks = english.reduce((n, r) => n + r.marks, 0);
  const inside = english.reduce((n, r) => n + r.inside, 0);
  const pooled = poolScores(english.map((r) => r.score));
  const totals = {
    pages: rows.length,
    paintedPages: paintedRows.length,
    paintedMedianMs: Number(median(paintedRows.map((r) => r.ms)).toFixed(1)),
    paintedP95Ms: Number(percentile(paintedRows.map((r) => r.ms), 0.95).toFixed(1)),
    longestTaskMs: Number(Math.max(0, ...rows.map((r) => r.longestTaskMs)).toFixed(1)),
    insideShare: Number((marks ? inside / marks : 0).toFixed(4)),
    coverage: Number(pooled.coverage.toFixed(4)),
    stagesMedianMs: Object.fromEntries(
      stageNames.map((s) => [s, Number(median(paintedRows.flatMap((r) => (r.stages[s] === undefined ? [] : [r.stages[s]!]))).toFixed(1))]),
    ),
  };
  console.log(
    `\n${totals.pages} pages, ${totals.paintedPages} painted: median ${totals.paintedMedianMs} ms, p95 ${totals.paintedP95Ms} ms, longest task ${totals.longestTaskMs} ms; English pages: ${pct(totals.insideShare).trim()} of marks inside the article, ${pct(totals.coverage).trim()} of the article covered`,
  );
  console.log(JSON.stringify(totals));
}

main().catch((error: unknown) => {
  console.error(`bench:pages failed: ${(error as Error).message}`);
  process.exit(1);
});

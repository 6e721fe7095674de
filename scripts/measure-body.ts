// Article-body detection against the corpus: `npx tsx scripts/measure-body.ts`.
//
// For each page in $LEDE_CORPUS/pages (default ../shared/corpus/pages) we parse source.html
// (linkedom), detect the body, index its text (lib/page/text-index.ts, exactly what the
// content script would mark), and compare that text with expected.html (Readability's
// reference extraction, indexed the same way). Metrics (lib/page/metrics.ts), by words
// (runs of Unicode letters/marks/digits, lower-cased), as multisets:
//   coverage    = |expected ∩ detected| / |expected|   (share of the article we found)
//   insideShare = |expected ∩ detected| / |detected|   (share of what we found that is article)
//   ms          = detection + indexing time in Node/linkedom, best of 5 runs (not the browser;
//                 relative only — scripts/measure-body-browser.ts times it in Chromium)
// Detectors: `ours` = findArticle (DOM scoring on the live document), `readability` =
// @mozilla/readability on a clone, mapped back to live nodes. Totals pool words over pages;
// `minCoverage`/`minInside` are the worst page. Last stdout line: one JSON object.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { findArticle, type ArticleBody } from '../lib/page/body.ts';
import { findArticleWithReadability } from '../lib/page/readability-body.ts';
import { buildTextIndex, indexArticle } from '../lib/page/text-index.ts';
import { poolScores, scoreBody, type BodyScore } from '../lib/page/metrics.ts';

const corpus = resolve(process.env.LEDE_CORPUS ?? '../shared/corpus');
const pagesDir = join(corpus, 'pages');
const only = process.argv[2];
const RUNS = 5;

type Detector = (doc: Document) => ArticleBody | null;
const detectors: Record<string, Detector> = {
  ours: (doc) => findArticle(doc),
  readability: (doc) => findArticleWithReadability(doc),
};

interface Row { page: string; detector: string; score: BodyScore; ms: number; found: boolean }
const rows: Row[] = [];

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const pages = readdirSync(pagesDir).filter((p) => existsSync(join(pagesDir, p, 'source.html')) && (!only || p === only)).sort();
for (const page of pages) {
  const source = readFileSync(join(pagesDir, page, 'source.html'), 'utf8');
  const expectedDoc = parse('<!doctype html><html><body>' + readFileSync(join(pagesDir, page, 'expected.html'), 'utf8') + '</body></html>');
  const expectedText = buildTextIndex(expectedDoc.body ?? expectedDoc.documentElement).text;
  for (const [name, detect] of Object.entries(detectors)) {
    const doc = parse(source);
    // Neither detector changes the document, so we time several runs and keep the best:
    // the first run pays for JIT warm-up, and other processes on a shared machine add noise
    // only upwards.
    const times: number[] = [];
    let body: ArticleBody | null = null;
    let text = '';
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      body = detect(doc);
      text = body ? indexArticle(body).text : '';
      times.push(performance.now() - t0);
    }
    const ms = Math.min(...times);
    rows.push({ page, detector: name, score: scoreBody(expectedText, text), ms, found: body !== null });
  }
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);
console.log(`${'page'.padEnd(26)} ${'words'.padStart(6)} | ${'ours cov'.padStart(8)} ${'inside'.padStart(7)} ${'ms'.padStart(6)} | ${'rdb cov'.padStart(8)} ${'inside'.padStart(7)} ${'ms'.padStart(6)}`);
for (const page of pages) {
  const o = rows.find((r) => r.page === page && r.detector === 'ours')!;
  const r = rows.find((x) => x.page === page && x.detector === 'readability')!;
  console.log(
    `${page.padEnd(26)} ${String(o.score.expectedWords).padStart(6)} | ${pct(o.score.coverage)}% ${pct(o.score.insideShare)}% ${o.ms.toFixed(1).padStart(6)} | ${pct(r.score.coverage)}% ${pct(r.score.insideShare)}% ${r.ms.toFixed(1).padStart(6)}`,
  );
}

function median(xs: number[]): number {
  // Lower median for even counts.
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]! : 0;
}
const totals: Record<string, unknown> = { pages: pages.length };
for (const name of Object.keys(detectors)) {
  const mine = rows.filter((r) => r.detector === name);
  const pooled = poolScores(mine.map((r) => r.score));
  const summary = {
    coverage: +pooled.coverage.toFixed(4),
    insideShare: +pooled.insideShare.toFixed(4),
    meanCoverage: +(mine.reduce((a, r) => a + r.score.coverage, 0) / mine.length).toFixed(4),
    meanInside: +(mine.reduce((a, r) => a + r.score.insideShare, 0) / mine.length).toFixed(4),
    minCoverage: +Math.min(...mine.map((r) => r.score.coverage)).toFixed(4),
    minInside: +Math.min(...mine.map((r) => r.score.insideShare)).toFixed(4),
    pagesCov90: mine.filter((r) => r.score.coverage >= 0.9).length,
    pagesInside95: mine.filter((r) => r.score.insideShare >= 0.95).length,
    notFound: mine.filter((r) => !r.found).length,
    medianMs: +median(mine.map((r) => r.ms)).toFixed(2),
    p95Ms: +p95(mine.map((r) => r.ms)).toFixed(2),
  };
  totals[name] = summary;
  console.log(`${name}: ${JSON.stringify(summary)}`);
}
console.log(JSON.stringify(totals));

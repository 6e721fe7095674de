// npm run bench:anchor — re-anchoring 500 annotations on the longest English dev
// pages, unchanged and after edits, for Lede (flat text + anchorAll) and for
// dom-anchor-text-quote (toRange on the same DOM), in one run, on one input.
// Last line of stdout: one JSON object with the headline figures.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import * as textQuote from 'dom-anchor-text-quote';
import { type AnchorResult, anchor, anchorAll } from '../lib/anchor/anchor';
import { describe } from '../lib/anchor/describe';
import type { Selector, TextQuoteSelector } from '../lib/model/types';
import { editDistance, prefixSimilarity, suffixSimilarity } from '../lib/anchor/similarity';
import { DEFAULT_PLAN, applyEdits } from './anchor/edits';
import { type Answer, type Tally, emptyTally, score, stillExists } from './anchor/evaluate';
import { flatText, textContentOffsets } from './anchor/flat-text';
import { type Passage, pickPassages, truthOf } from './anchor/passages';
import { rng } from './anchor/random';

const CORPUS = resolve(process.env.LEDE_CORPUS ?? '../shared/corpus');
const PAGES = (process.env.LEDE_ANCHOR_PAGES ?? 'lazy-image-2,videos-1,quanta-1,article-author-tag').split(',');
const TOTAL = Number(process.env.LEDE_ANCHOR_COUNT ?? 500);
const SEED = Number(process.env.LEDE_ANCHOR_SEED ?? 20251125);

interface RivalSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

type System = 'lede' | 'lede-single' | 'rival';
const SYSTEMS: System[] = ['lede', 'lede-single', 'rival'];
type Condition = 'unchanged' | 'edited';

const tallies = new Map<string, Tally>();
function tallyOf(system: System, condition: Condition): Tally {
  const key = `${system}/${condition}`;
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = emptyTally()));
  return t;
}

const wrongExamples: string[] = [];

/** Lede is fast enough for its time to be noise-prone: report the median of LEDE_REPEATS runs. */
const LEDE_REPEATS = Number(process.env.LEDE_ANCHOR_REPEATS ?? 5);

function runLede(root: Element, selectors: Selector[][], single: boolean): { answers: Answer[]; ms: number; text: string } {
  const times: number[] = [];
  flatText(root); // warm-up: jsdom builds its node lists lazily on the first walk
  let results: AnchorResult[] = [];
  let text = '';
  for (let i = 0; i < LEDE_REPEATS; i++) {
    const t0 = performance.now();
    const flat = flatText(root);
    results = single ? selectors.map((s) => anchor(flat.text, s)) : anchorAll(flat.text, selectors.map((s) => ({ selectors: s })));
    times.push(performance.now() - t0);
    text = flat.text;
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)] as number;
  return { answers: results.map((r) => (r.status === 'anchored' ? { start: r.start, end: r.end } : null)), ms, text };
}

function runRival(root: Element, selectors: RivalSelector[]): { answers: Answer[]; ms: number } {
  const t0 = performance.now();
  const ranges = selectors.map((s) => textQuote.toRange(root, s));
  const ms = performance.now() - t0;
  // Converting ranges back to offsets is for scoring only, outside the timed part.
  const offsets = textContentOffsets(root);
  const at = (node: Node, offset: number): number => {
    const s = offsets.get(node as Text);
    if (s === undefined) throw new Error('rival range not in a text node');
    return s + offset;
  };
  const answers = ranges.map((r) => (r ? { start: at(r.startContainer, r.startOffset), end: at(r.endContainer, r.endOffset) } : null));
  return { answers, ms };
}

function evaluate(condition: Condition, root: Element, passages: Passage[], lede: Selector[][], rival: RivalSelector[]): void {
  for (const system of SYSTEMS) {
    const tally = tallyOf(system, condition);
    if (system === 'rival') {
      const { answers, ms } = runRival(root, rival);
      tally.timeMs += ms;
      const offsets = textContentOffsets(root);
      const text = root.textContent ?? '';
      passages.forEach((p, i) => {
        const truth = truthOf(p, offsets);
        score(tally, stillExists((rival[i] as RivalSelector).exact, text, truth), truth, answers[i] ?? null, text);
      });
    } else {
      const { answers, ms, text } = runLede(root, lede, system === 'lede-single');
      tally.timeMs += ms;
      const flat = flatText(root);
      passages.forEach((p, i) => {
        const truth = truthOf(p, flat.startOf);
        const verdict = score(tally, stillExists(p.original, text, truth), truth, answers[i] ?? null, text);
        if (process.env.LEDE_ANCHOR_DEBUG_ORPHANS && system === 'lede' && verdict === 'orphan' && stillExists(p.original, text, truth)) {
          const q = lede[i]?.[0] as TextQuoteSelector;
          const now = text.slice(truth.startLo, truth.endHi);
          console.log(
            `ORPHAN len=${q.exact.length} quote=${(1 - editDistance(q.exact, now) / q.exact.length).toFixed(2)} prefix=${prefixSimilarity(q.prefix, text, truth.startLo).toFixed(2)}/${q.prefix.length} suffix=${suffixSimilarity(q.suffix, text, truth.endHi).toFixed(2)}/${q.suffix.length} ${JSON.stringify(q.exact.slice(0, 50))}`,
          );
        }
        if (verdict === 'wrong' && wrongExamples.length < 12) {
          const a = answers[i] as { start: number; end: number };
          wrongExamples.push(
            `${system}/${condition}: want ${JSON.stringify(text.slice(truth.startLo, truth.endHi))} [${truth.startLo}-${truth.startHi}, ${truth.endLo}-${truth.endHi}] got ${JSON.stringify(text.slice(a.start, a.end))} [${a.start}, ${a.end}]` +
              (process.env.LEDE_ANCHOR_DEBUG ? `\n  selectors ${JSON.stringify(lede[i])}\n  around ${JSON.stringify(text.slice(truth.startLo - 60, truth.endHi + 60))}\n  result ${JSON.stringify(system === 'lede' ? anchorAll(text, [{ selectors: lede[i] as Selector[] }]) : anchor(text, lede[i] as Selector[]))}` : ''),
          );
        }
      });
    }
  }
}

function main(): void {
  const perPage = Math.ceil(TOTAL / PAGES.length);
  const r = rng(SEED);
  let made = 0;
  const edits: string[] = [];
  for (const name of PAGES) {
    const count = Math.min(perPage, TOTAL - made);
    const html = readFileSync(join(CORPUS, 'pages', name, 'expected.html'), 'utf8');
    const dom = new JSDOM(`<!doctype html><html><body>${html}</body></html>`);
    const root = dom.window.document.body;
    const flat = flatText(root);
    const offsets = textContentOffsets(root);
    const passages = pickPassages(root, flat, count, r);
    made += passages.length;
    const lede: Selector[][] = passages.map((p) => {
      const t = truthOf(p, flat.startOf);
      return describe(flat.text, t.startLo, t.endLo);
    });
    const rival: RivalSelector[] = passages.map((p) => {
      const t = truthOf(p, offsets);
      return textQuote.fromTextPosition(root, { start: t.startLo, end: t.endLo });
    });
    evaluate('unchanged', root, passages, lede, rival);
    const log = applyEdits(root, passages, DEFAULT_PLAN, r);
    edits.push(`${name}: ${log.length} edits`);
    evaluate('edited', root, passages, lede, rival);
  }

  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  const rows: string[][] = [['system', 'condition', 'n', 'time ms', 'ms/annot.', 'exact/recovered', 'orphans', 'wrong']];
  for (const condition of ['unchanged', 'edited'] as Condition[]) {
    for (const system of SYSTEMS) {
      const t = tallyOf(system, condition);
      rows.push([
        system === 'rival' ? 'dom-anchor-text-quote' : system === 'lede' ? 'Lede anchorAll' : 'Lede anchor (one by one)',
        condition,
        String(t.total),
        t.timeMs.toFixed(1),
        (t.timeMs / t.total).toFixed(3),
        `${pct(t.recovered, t.existing)} of ${t.existing}`,
        pct(t.orphans, t.total),
        `${t.wrong} (${pct(t.wrong, t.total)})`,
      ]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  console.log(`Pages: ${PAGES.join(', ')}; ${made} annotations; seed ${SEED}; Lede times are the median of ${LEDE_REPEATS} runs, the rival's a single run`);
  console.log(edits.join('; '));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
  if (wrongExamples.length) console.log('\nLede wrong anchors (first few):\n' + wrongExamples.join('\n'));

  const lu = tallyOf('lede', 'unchanged');
  const le = tallyOf('lede', 'edited');
  const ru = tallyOf('rival', 'unchanged');
  const re = tallyOf('rival', 'edited');
  const ratio = ru.timeMs / lu.timeMs;
  console.log(`\nTime ratio on unchanged pages (rival / Lede): ${ratio.toFixed(1)}×; after edits: ${(re.timeMs / le.timeMs).toFixed(1)}×`);
  console.log(
    JSON.stringify({
      ratio: round(ratio),
      exactUnchanged: round(lu.recovered / lu.existing),
      recoveryAfterEdits: round(le.recovered / le.existing),
      wrongAnchors: lu.wrong + le.wrong,
      rivalWrongAnchors: ru.wrong + re.wrong,
    }),
  );
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main();

// The runtime's cached scoring (scorer.ts, tagweights.ts) against the plain definition: the sum of
// the weights of every feature staticFeatures() lists, and decode()'s own dynamic-feature lookups.
// A template placed in a cached group while it reads more than that group's inputs, or a group
// the runtime does not sum, changes some token's scores here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tagCount } from './bilou.ts';
import { readConll } from './corpus.ts';
import { applyClusters, MAX_STATIC, prepareDoc as prepareRaw, type Doc, type GazLookup } from './features.ts';
import { classLookup } from './clusters.ts';
import { gazLookup } from './gazetteer.ts';
import { defaultModel } from './index.ts';
import { decode, decodeScored, staticRows, type LinearModel } from './linear.ts';
import { StaticScorer } from './scorer.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = process.env.LEDE_CORPUS ?? join(root, '../shared/corpus');
const bundle = defaultModel();
/** Documents as the pipeline prepares them (word classes included). */
function prepareDoc(text: string, gaz: GazLookup): Doc {
  const d = prepareRaw(text, gaz);
  applyClusters(d, classLookup(bundle.clusters));
  return d;
}
const models = [bundle.names, bundle.figures];
const tagWeights = [bundle.nameTags, bundle.figureTags];

const TEXTS = [
  readFileSync(join(corpus, 'seed/article.txt'), 'utf8'),
  ...readConll(readFileSync(join(corpus, 'ner/conll2003/eng.testa'), 'utf8')).slice(0, 25).map((g) => g.text),
  'RUSSIA AND CHINA SIGN 20 DEALS WORTH $3.5 BILLION\nPresident Xi Jinping met Vladimir Putin in Tianjin on Tuesday. Xi said trade rose 15 per cent.',
  'The the THE The. Apple apple APPLE; Mr. Apple said Apple Inc. would buy 1,200 apples for €3m on 1/2/2024 at 10:30.',
  'Revenue fell 2.5% to ¥1.2bn in the third quarter of 1999, the 21st straight decline in 15 consecutive years.',
  'São Paulo’s mayor — Ricardo Nunes — met Zürich officials; “We agreed,” he said. Ça va? Ελλάδα, Україна, 北京 and 東京 signed.',
  'Nuclear talks in Geneva: Iran, the U.S. and the E.U. (European Union) met twice; the IAEA said 60% enrichment. 😀 done\n\nNext line',
  'Manchester United beat Leeds 3-1 . SOCCER - ENGLISH PREMIER LEAGUE RESULTS . LONDON 1996-08-30',
];

function plainScores(m: LinearModel, d: Doc): Float32Array {
  const T = tagCount(m.types);
  const sr = staticRows(m, d);
  const out = new Float32Array(d.n * T);
  for (let i = 0; i < d.n; i++) {
    for (let j = 0; j < sr.counts[i]!; j++) {
      const r = sr.rows[i * MAX_STATIC + j]!;
      for (let t = 0; t < T; t++) out[i * T + t]! += m.w[r * T + t]!;
    }
  }
  return out;
}

/** Largest score difference between the scorer and the plain sum, and tokens tagged differently. */
function compare(scorer: StaticScorer, text: string): { diff: number; tagDiffs: number; n: number; spread: number } {
  const d = prepareDoc(text, gazLookup(bundle.gazetteer));
  const v = scorer.scores(d);
  const { stride, offsets } = bundle.packed;
  let diff = 0;
  let tagDiffs = 0;
  let spread = 0;
  models.forEach((m, x) => {
    const T = tagCount(m.types);
    const plain = plainScores(m, d);
    for (let i = 0; i < d.n; i++) {
      for (let t = 0; t < T; t++) {
        diff = Math.max(diff, Math.abs(plain[i * T + t]! - v[i * stride + offsets[x]! + t]!));
        spread = Math.max(spread, Math.abs(plain[i * T + t]!));
      }
    }
    const a = new Uint8Array(d.n);
    const b = new Uint8Array(d.n);
    decode(m, d, staticRows(m, d), a);
    decodeScored(tagWeights[x]!, d, { v, stride, offset: offsets[x]! }, b);
    for (let i = 0; i < d.n; i++) if (a[i] !== b[i]) tagDiffs++;
  });
  return { diff, tagDiffs, n: d.n, spread };
}

describe('cached static scores', () => {
  it('exercise every kind of input the cached groups read', () => {
    const seen = { gaz: 0, docCap: 0, docRun: 0, num: 0, capsSentence: 0, initial: 0 };
    for (const text of TEXTS) {
      const d = prepareDoc(text, gazLookup(bundle.gazetteer));
      for (let i = 0; i < d.n; i++) {
        if (d.gaz[i]) seen.gaz++;
        if (d.docCap[i]) seen.docCap++;
        if (d.docRun[i]) seen.docRun++;
        if (d.num[i]) seen.num++;
        if (d.flags[i]! & 32) seen.capsSentence++;
        if (d.flags[i]! & 16) seen.initial++;
      }
    }
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(10);
  });

  it('equal the plain sum over staticFeatures and give the same tags, across documents sharing the caches', () => {
    const scorer = new StaticScorer(bundle.packed);
    let tokens = 0;
    for (const text of [...TEXTS, ...TEXTS]) {
      const r = compare(scorer, text);
      expect(r.diff, text.slice(0, 40)).toBeLessThan(1e-4 * Math.max(1, r.spread));
      expect(r.tagDiffs, text.slice(0, 40)).toBe(0);
      tokens += r.n;
    }
    expect(tokens).toBeGreaterThan(5000);
  });

  it('stay equal when the caches empty themselves mid-sentence', () => {
    const scorer = new StaticScorer(bundle.packed, { words: 7, shapes: 3, small: 3 });
    for (const text of TEXTS.slice(0, 8)) {
      const r = compare(scorer, text);
      expect(r.diff).toBeLessThan(1e-4 * Math.max(1, r.spread));
      expect(r.tagDiffs).toBe(0);
    }
  });

  it('stay equal on arbitrary text', () => {
    const scorer = new StaticScorer(bundle.packed, { words: 64, shapes: 16, small: 16 });
    const word = fc.oneof(
      fc.constantFrom('Xi', 'Putin', 'U.S.', 'Jan.', '$1.2bn', '15', 'per', 'cent', '1,000', 'the', 'THE', 'China-Russia', '’s', '"', '—', '.', '\n', 'May', '2024', 'Mr.', 'Apple'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 50 }).map((ws) => ws.join(' ')), (text) => {
        const r = compare(scorer, text);
        expect(r.diff).toBeLessThan(1e-4 * Math.max(1, r.spread));
        expect(r.tagDiffs).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('leave inactive tokens of a tagger at zero and score its active ones as the plain sum', () => {
    const d = prepareDoc('No figures here at all.\nBut 20 here, Xi said.', gazLookup(bundle.gazetteer));
    const figureMask = Uint8Array.from({ length: d.n }, (_, i) => (i >= d.sents[1]![0] ? 1 : 0));
    const nameMask = Uint8Array.from({ length: d.n }, (_, i) => i % 2);
    const v = new StaticScorer(bundle.packed).scores(d, [nameMask, figureMask]);
    const { stride, offsets, tags } = bundle.packed;
    [nameMask, figureMask].forEach((mask, x) => {
      const plain = plainScores(models[x]!, d);
      const T = tags[x]!;
      for (let i = 0; i < d.n; i++) {
        for (let t = 0; t < T; t++) {
          const want = mask[i] ? plain[i * T + t]! : 0;
          expect(Math.abs(v[i * stride + offsets[x]! + t]! - want), `model ${x} token ${i}`).toBeLessThan(1e-4);
        }
      }
    });
  });
});

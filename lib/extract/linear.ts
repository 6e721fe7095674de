// Greedy left-to-right BILOU decoding with a linear model (averaged-perceptron weights).
// Shared by training (which passes an update hook) and runtime.

import { allowed, repair, tagCount, tagPart, tagType } from './bilou.ts';
import { dynamicFeatures, isCapitalised, MAX_DYNAMIC, MAX_STATIC, startsSentence, staticFeatures, type Doc } from './features.ts';
import { IntTable, MultiTable } from './table.ts';

export interface LinearModel {
  /** Number of entity types; tags = 1 + 4 * types. */
  types: number;
  useGaz: boolean;
  useHistory: boolean;
  table: IntTable;
  /** rows * tags weights. */
  w: Float32Array;
}

export interface StaticRows {
  rows: Int32Array;
  counts: Uint8Array;
}

/** Looks up the weight rows of every token's static features (cached across epochs in training). */
export function staticRows(m: LinearModel, d: Doc): StaticRows {
  const rows = new Int32Array(d.n * MAX_STATIC);
  const counts = new Uint8Array(d.n);
  const buf = new Uint32Array(MAX_STATIC);
  for (const [a, b] of d.sents) {
    for (let i = a; i < b; i++) {
      const k = staticFeatures(d, i, a, b, buf, m.useGaz);
      let c = 0;
      const base = i * MAX_STATIC;
      for (let j = 0; j < k; j++) {
        const r = m.table.get(buf[j]!);
        if (r >= 0) rows[base + c++] = r;
      }
      counts[i] = c;
    }
  }
  return { rows, counts };
}

/**
 * Rows for several models at once: features are hashed once and each is found with one probe of
 * a table shared by the models (a feature a model never saw, such as a gazetteer feature for the
 * figures model, has no row for it).
 */
export function staticRowsMany(models: LinearModel[], d: Doc, shared?: MultiTable): StaticRows[] {
  const multi = shared ?? new MultiTable(models.map((m) => m.table));
  const out = models.map(() => ({ rows: new Int32Array(d.n * MAX_STATIC), counts: new Uint8Array(d.n) }));
  const buf = new Uint32Array(MAX_STATIC);
  const useGaz = models.some((m) => m.useGaz);
  const slots = multi.slots;
  const nm = models.length;
  const cnt = new Int32Array(nm);
  for (const [a, b] of d.sents) {
    for (let i = a; i < b; i++) {
      const k = staticFeatures(d, i, a, b, buf, useGaz);
      const base = i * MAX_STATIC;
      cnt.fill(0);
      for (let j = 0; j < k; j++) {
        const at = multi.find(buf[j]!);
        if (at < 0) continue;
        for (let x = 0; x < nm; x++) {
          const r = slots[at + 1 + x]!;
          if (r >= 0) out[x]!.rows[base + cnt[x]!++] = r;
        }
      }
      for (let x = 0; x < nm; x++) out[x]!.counts[i] = cnt[x]!;
    }
  }
  return out;
}

const EMPTY_ROWS: StaticRows = { rows: new Int32Array(0), counts: new Uint8Array(0) };

const transitionCache = new Map<number, Uint8Array>();

/** Row (prev + 1) * T + tag: 0 forbidden, 1 allowed, 2 allowed but opens an entity (not on a sentence's last token). */
function transitions(types: number): Uint8Array {
  let m = transitionCache.get(types);
  if (m) return m;
  const T = tagCount(types);
  m = new Uint8Array((T + 1) * T);
  for (let prev = -1; prev < T; prev++) {
    for (let t = 0; t < T; t++) {
      if (!allowed(prev, t)) continue;
      const p = tagPart(t);
      m[(prev + 1) * T + t] = p === 0 || p === 1 ? 2 : 1;
    }
  }
  transitionCache.set(types, m);
  return m;
}

/** Static scores computed ahead (the runtime's, see scorer.ts): token i, tag t at v[i * stride + offset + t]. */
export interface ScoreRows {
  v: Float32Array;
  stride: number;
  offset: number;
}

/** The runtime's faster lookup of the dynamic features' weights (see tagweights.ts). */
export interface DynamicScores {
  /** Sets scores to token i's static scores (pre[at, at + tags)) plus its dynamic features' weights given the previous tags. */
  score(scores: Float64Array, pre: Float32Array, at: number, d: Doc, i: number, prev: number, prev2: number, hist: number): void;
}

/** The runtime's tagger: its shape, and its dynamic weights in place of a model's table (see tagweights.ts). */
export interface RuntimeTagger extends DynamicScores {
  types: number;
  useHistory: boolean;
}

const NO_WEIGHTS = { table: new IntTable(0), w: new Float32Array(0) };

/** decode() at run time: static scores computed ahead, dynamic weights from the runtime tagger. */
export function decodeScored(tagger: RuntimeTagger, d: Doc, scores: ScoreRows, out: Uint8Array): void {
  decode({ types: tagger.types, useHistory: tagger.useHistory, useGaz: false, ...NO_WEIGHTS }, d, scores, out, undefined, undefined, tagger);
}

export type UpdateHook = (rows: Int32Array, base: number, count: number, dyn: Int32Array, dynCount: number, gold: number, pred: number) => void;

/**
 * Tags the tokens of every range in d.sents into `out`; with `gold` and `update`, performs
 * perceptron updates on mistakes. A range is a sentence, or (at run time) a stretch of one: the
 * tags before it count as O, and only a sentence's true last token is barred from opening an entity.
 * With scores computed ahead, `dyn` replaces the model's own lookups of the dynamic features.
 */
export function decode(m: LinearModel, d: Doc, src: StaticRows | ScoreRows, out: Uint8Array, gold?: Uint8Array, update?: UpdateHook, dyn?: DynamicScores): void {
  // Static scores either precomputed per token (runtime, see scorer.ts) or summed from rows (training).
  const pre = 'v' in src ? src.v : null;
  const preStride = 'v' in src ? src.stride : 0;
  const preOffset = 'v' in src ? src.offset : 0;
  const sr: StaticRows = 'v' in src ? EMPTY_ROWS : src;
  const T = tagCount(m.types);
  const w = m.w;
  const scores = new Float64Array(T);
  const dynBuf = new Uint32Array(MAX_DYNAMIC);
  const dynRows = new Int32Array(MAX_DYNAMIC);
  const history = m.useHistory ? new Map<number, Int32Array>() : null;
  const rows = sr.rows;
  const ok = transitions(m.types);
  for (const [a, b] of d.sents) {
    let prev = a > 0 && !startsSentence(d, a) ? 0 : -1;
    let prev2 = prev === 0 && !startsSentence(d, a - 1) ? 0 : -1;
    const endsSentence = b >= d.n || startsSentence(d, b);
    for (let i = a; i < b; i++) {
      let hist = -1;
      let counts: Int32Array | undefined;
      if (history && isCapitalised(d, i)) {
        counts = history.get(d.hL[i]!);
        if (counts) {
          let best = 0;
          for (let c = 1; c <= m.types; c++) if (counts[c]! > counts[best]!) best = c;
          hist = best;
        }
      }
      const base = i * MAX_STATIC;
      const cnt = pre ? 0 : sr.counts[i]!;
      let dk = 0;
      if (dyn && pre) dyn.score(scores, pre, i * preStride + preOffset, d, i, prev, prev2, hist);
      else {
        if (pre) for (let t = 0; t < T; t++) scores[t] = pre[i * preStride + preOffset + t]!;
        else scores.fill(0);
        for (let j = 0; j < cnt; j++) {
          const off = rows[base + j]! * T;
          for (let t = 0; t < T; t++) scores[t] = scores[t]! + w[off + t]!;
        }
        dk = dynamicFeatures(d, i, prev, prev2, hist, dynBuf);
      }
      let dc = 0;
      for (let j = 0; j < dk; j++) {
        const r = m.table.get(dynBuf[j]!);
        if (r >= 0) {
          dynRows[dc++] = r;
          const off = r * T;
          for (let t = 0; t < T; t++) scores[t] = scores[t]! + w[off + t]!;
        }
      }
      // The last token of a sentence cannot open an entity.
      const last = i === b - 1 && endsSentence;
      let bestTag = 0;
      let bestScore = -Infinity;
      const okBase = (prev + 1) * T;
      for (let t = 0; t < T; t++) {
        const o = ok[okBase + t]!;
        if (o === 0 || (last && o === 2)) continue;
        if (scores[t]! > bestScore) {
          bestScore = scores[t]!;
          bestTag = t;
        }
      }
      if (gold && update) {
        const g = repair(prev, gold[i]!);
        if (g !== bestTag) update(rows, base, cnt, dynRows, dc, g, bestTag);
      }
      out[i] = bestTag;
      // A sentence's first word is capitalised whatever it is, so its label says little about the
      // word; recording it would let a headline's miss ("Xi and Putin pledge…") outvote the body.
      if (history && isCapitalised(d, i) && !(!gold && startsSentence(d, i) && tagType(bestTag) < 0)) {
        if (!counts) {
          counts = new Int32Array(m.types + 1);
          history.set(d.hL[i]!, counts);
        }
        counts[tagType(bestTag) + 1]!++;
      }
      prev2 = prev;
      prev = bestTag;
    }
  }
}


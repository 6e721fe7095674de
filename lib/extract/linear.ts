// Greedy left-to-right BILOU decoding with a linear model (averaged-perceptron weights).
// Shared by training (which passes an update hook) and runtime.

import { allowed, repair, tagCount, tagPart, tagType } from './bilou.ts';
import { dynamicFeatures, historyFeatures, isCapitalised, MAX_DYNAMIC, MAX_STATIC, staticFeatures, transitionFeature, type Doc } from './features.ts';
import { MultiTable, type IntTable } from './table.ts';

export interface LinearModel {
  /** Number of entity types; tags = 1 + 4 * types. */
  types: number;
  useGaz: boolean;
  useHistory: boolean;
  /** Trained and decoded as a whole sentence (Viterbi over tag pairs) rather than greedily. */
  structured?: boolean;
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

export type UpdateHook = (rows: Int32Array, base: number, count: number, dyn: Int32Array, dynCount: number, gold: number, pred: number) => void;

/** Tags every token of d into `out`; with `gold` and `update`, performs perceptron updates on mistakes. */
export function decode(m: LinearModel, d: Doc, src: StaticRows | Float32Array, out: Uint8Array, gold?: Uint8Array, update?: UpdateHook): void {
  if (m.structured) {
    decodeStructured(m, d, src, out);
    return;
  }
  // Static scores either precomputed per token (runtime, see packed.ts) or summed from rows (training).
  const pre = src instanceof Float32Array ? src : null;
  const sr: StaticRows = pre ? EMPTY_ROWS : (src as StaticRows);
  const T = tagCount(m.types);
  const w = m.w;
  const scores = new Float64Array(T);
  const dynBuf = new Uint32Array(MAX_DYNAMIC);
  const dynRows = new Int32Array(MAX_DYNAMIC);
  const history = m.useHistory ? new Map<number, Int32Array>() : null;
  const rows = sr.rows;
  const ok = transitions(m.types);
  for (const [a, b] of d.sents) {
    let prev = -1;
    let prev2 = -1;
    for (let i = a; i < b; i++) {
      if (pre) for (let t = 0; t < T; t++) scores[t] = pre[i * T + t]!;
      else scores.fill(0);
      const base = i * MAX_STATIC;
      const cnt = pre ? 0 : sr.counts[i]!;
      for (let j = 0; j < cnt; j++) {
        const off = rows[base + j]! * T;
        for (let t = 0; t < T; t++) scores[t] = scores[t]! + w[off + t]!;
      }
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
      const dk = dynamicFeatures(d, i, prev, prev2, hist, dynBuf);
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
      const last = i === b - 1;
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
      if (history && isCapitalised(d, i) && !(!gold && i === a && tagType(bestTag) < 0)) {
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


/** The most common label (type + 1, 0 for none) of this word so far in the document, or -1. */
export function historyLabel(history: Map<number, Int32Array>, d: Doc, i: number, types: number): number {
  const counts = history.get(d.hL[i]!);
  if (!counts) return -1;
  let best = 0;
  for (let c = 1; c <= types; c++) if (counts[c]! > counts[best]!) best = c;
  return best;
}

/** Records a sentence's labels in the document history (capitalised words only). */
export function recordHistory(history: Map<number, Int32Array>, d: Doc, a: number, b: number, tags: Uint8Array, types: number, runtime: boolean): void {
  for (let i = a; i < b; i++) {
    if (!isCapitalised(d, i)) continue;
    // A sentence's first word is capitalised whatever it is, so its label says little about the
    // word; recording it would let a headline's miss ("Xi and Putin pledge…") outvote the body.
    if (runtime && i === a && tagType(tags[i]!) < 0) continue;
    let counts = history.get(d.hL[i]!);
    if (!counts) history.set(d.hL[i]!, (counts = new Int32Array(types + 1)));
    counts[tagType(tags[i]!) + 1]!++;
  }
}

/**
 * Transition scores (prev + 1) * T + tag for a structured model, -Infinity where BILOU forbids
 * the pair; `rows` receives the weight row of each previous tag's feature (-1 when absent).
 */
export function transitionScores(m: LinearModel, rows?: Int32Array): Float64Array {
  const T = tagCount(m.types);
  const ok = transitions(m.types);
  const tr = new Float64Array((T + 1) * T);
  for (let prev = -1; prev < T; prev++) {
    const r = m.table.get(transitionFeature(prev));
    if (rows) rows[prev + 1] = r;
    for (let t = 0; t < T; t++) {
      const at = (prev + 1) * T + t;
      tr[at] = ok[at] === 0 ? -Infinity : r >= 0 ? m.w[r * T + t]! : 0;
    }
  }
  return tr;
}

let pairScores = new Float64Array(0);
const predecessorCache = new Map<number, { from: Int32Array; prevs: Int32Array }>();

/** For each tag, the tags BILOU lets precede it (a third of all pairs): Viterbi visits only these. */
function predecessors(T: number): { from: Int32Array; prevs: Int32Array } {
  let p = predecessorCache.get(T);
  if (p) return p;
  const from = new Int32Array(T + 1);
  const list: number[] = [];
  for (let t = 0; t < T; t++) {
    from[t] = list.length;
    for (let q = 0; q < T; q++) if (allowed(q, t)) list.push(q);
  }
  from[T] = list.length;
  p = { from, prevs: Int32Array.from(list) };
  predecessorCache.set(T, p);
  return p;
}

/**
 * Best tag sequence for tokens [a, b) given per-token emission scores em[(i - a) * T + t] and
 * transition scores tr (see transitionScores); the last token may not leave an entity open.
 */
export function viterbi(em: Float64Array, a: number, b: number, T: number, tr: Float64Array, out: Uint8Array, delta: Float64Array, back: Uint8Array): void {
  const len = b - a;
  if (len <= 0) return;
  const { from, prevs } = predecessors(T);
  // The allowed pairs' scores in the order the inner loop reads them.
  if (pairScores.length < prevs.length) pairScores = new Float64Array(prevs.length);
  const pair = pairScores;
  for (let t = 0; t < T; t++) for (let j = from[t]!; j < from[t + 1]!; j++) pair[j] = tr[(prevs[j]! + 1) * T + t]!;
  for (let t = 0; t < T; t++) delta[t] = em[t]! + tr[t]!;
  for (let i = 1; i < len; i++) {
    const row = i * T;
    const prevRow = row - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      const end = from[t + 1]!;
      for (let j = from[t]!; j < end; j++) {
        const p = prevs[j]!;
        const v = delta[prevRow + p]! + pair[j]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[row + t] = best + em[row + t]!;
      back[row + t] = arg;
    }
  }
  const lastRow = (len - 1) * T;
  let bestTag = 0;
  let bestScore = -Infinity;
  for (let t = 0; t < T; t++) {
    const part = tagPart(t);
    if (part === 0 || part === 1) continue;
    if (delta[lastRow + t]! > bestScore) {
      bestScore = delta[lastRow + t]!;
      bestTag = t;
    }
  }
  for (let i = len - 1; i >= 0; i--) {
    out[a + i] = bestTag;
    bestTag = back[i * T + bestTag]!;
  }
}

/** Emission scores of sentence [a, b): static scores plus the history features of each token. */
export function emissions(m: LinearModel, d: Doc, src: StaticRows | Float32Array, a: number, b: number, history: Map<number, Int32Array> | null, em: Float64Array, histRows?: Int32Array): void {
  const T = tagCount(m.types);
  const pre = src instanceof Float32Array ? src : null;
  const w = m.w;
  const buf = new Uint32Array(2);
  for (let i = a; i < b; i++) {
    const o = (i - a) * T;
    if (pre) for (let t = 0; t < T; t++) em[o + t] = pre[i * T + t]!;
    else {
      for (let t = 0; t < T; t++) em[o + t] = 0;
      const sr = src as StaticRows;
      const base = i * MAX_STATIC;
      const cnt = sr.counts[i]!;
      for (let j = 0; j < cnt; j++) {
        const off = sr.rows[base + j]! * T;
        for (let t = 0; t < T; t++) em[o + t] = em[o + t]! + w[off + t]!;
      }
    }
    if (histRows) {
      histRows[(i - a) * 2] = -1;
      histRows[(i - a) * 2 + 1] = -1;
    }
    if (!history || !isCapitalised(d, i)) continue;
    const k = historyFeatures(d, i, historyLabel(history, d, i, m.types), buf);
    for (let j = 0; j < k; j++) {
      const r = m.table.get(buf[j]!);
      if (r < 0) continue;
      if (histRows) histRows[(i - a) * 2 + j] = r;
      const off = r * T;
      for (let t = 0; t < T; t++) em[o + t] = em[o + t]! + w[off + t]!;
    }
  }
}

/** Sentence-level Viterbi decoding; the document history carries labels across sentences. */
function decodeStructured(m: LinearModel, d: Doc, src: StaticRows | Float32Array, out: Uint8Array): void {
  const T = tagCount(m.types);
  const tr = transitionScores(m);
  let cap = 0;
  for (const [a, b] of d.sents) cap = Math.max(cap, b - a);
  const em = new Float64Array(cap * T);
  const delta = new Float64Array(cap * T);
  const back = new Uint8Array(cap * T);
  const history = m.useHistory ? new Map<number, Int32Array>() : null;
  for (const [a, b] of d.sents) {
    emissions(m, d, src, a, b, history, em);
    viterbi(em, a, b, T, tr, out, delta, back);
    if (history) recordHistory(history, d, a, b, out, m.types, true);
  }
}

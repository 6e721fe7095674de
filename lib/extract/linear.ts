// Greedy left-to-right BILOU decoding with a linear model (averaged-perceptron weights).
// Shared by training (which passes an update hook) and runtime.

import { allowed, repair, tagCount, tagPart, tagType } from './bilou.ts';
import { dynamicFeatures, historyFeatures, isCapitalised, MAX_DYNAMIC, MAX_STATIC, startsSentence, staticFeatures, transitionFeature, type Doc } from './features.ts';
import { IntTable, MultiTable } from './table.ts';

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
  structured: boolean;
  /** Structured taggers: transition scores as transitionScores() gives them. */
  transitions(): Float64Array;
  /** Structured taggers: adds the history features' weights of token i (label hist) to em[at, at + tags). */
  addHistory(em: Float64Array, at: number, d: Doc, i: number, hist: number): void;
}

const NO_WEIGHTS = { table: new IntTable(0), w: new Float32Array(0) };

/** decode() at run time: static scores computed ahead, dynamic weights from the runtime tagger. */
export function decodeScored(tagger: RuntimeTagger, d: Doc, scores: ScoreRows, out: Uint8Array): void {
  const m = { types: tagger.types, useHistory: tagger.useHistory, structured: tagger.structured, useGaz: false, ...NO_WEIGHTS };
  if (tagger.structured) decodeStructured(m, d, scores, out, tagger);
  else decode(m, d, scores, out, undefined, undefined, tagger);
}

export type UpdateHook = (rows: Int32Array, base: number, count: number, dyn: Int32Array, dynCount: number, gold: number, pred: number) => void;

/**
 * Tags the tokens of every range in d.sents into `out`; with `gold` and `update`, performs
 * perceptron updates on mistakes. A range is a sentence, or (at run time) a stretch of one: the
 * tags before it count as O, and only a sentence's true last token is barred from opening an entity.
 * With scores computed ahead, `dyn` replaces the model's own lookups of the dynamic features.
 */
export function decode(m: LinearModel, d: Doc, src: StaticRows | ScoreRows, out: Uint8Array, gold?: Uint8Array, update?: UpdateHook, dyn?: DynamicScores): void {
  if (m.structured) {
    decodeStructured(m, d, src, out);
    return;
  }
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

/** The most common label (type + 1, 0 for none) of this word so far in the document, or -1. */
export function historyLabel(history: Map<number, Int32Array>, d: Doc, i: number, types: number): number {
  const counts = history.get(d.hL[i]!);
  if (!counts) return -1;
  let best = 0;
  for (let c = 1; c <= types; c++) if (counts[c]! > counts[best]!) best = c;
  return best;
}

/** Records the labels of tokens [a, b) in the document history (capitalised words only). */
export function recordHistory(history: Map<number, Int32Array>, d: Doc, a: number, b: number, tags: Uint8Array, types: number, runtime: boolean): void {
  for (let i = a; i < b; i++) {
    if (!isCapitalised(d, i)) continue;
    // A sentence's first word is capitalised whatever it is, so its label says little about the
    // word; recording it would let a headline's miss ("Xi and Putin pledge…") outvote the body.
    if (runtime && startsSentence(d, i) && tagType(tags[i]!) < 0) continue;
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

/**
 * What Viterbi precomputes from a transition table: BILOU's closed tags C = {O, L-*, U-*} (the
 * only predecessors of O, B-* and U-*, ascending), and for each of those targets t the largest
 * transition into it from C, maxW[t].
 */
interface ViterbiPlan {
  closed: Int32Array;
  /** O, B-x and U-x: the tags whose predecessors are C. */
  opening: Int32Array;
  maxW: Float64Array;
}

// Keyed by the table itself: callers build a new table when the weights change (transitionScores,
// TagWeights.transitions) and never write into one already decoded with.
const plans = new WeakMap<Float64Array, ViterbiPlan>();

function planFor(tr: Float64Array, T: number): ViterbiPlan {
  let plan = plans.get(tr);
  if (plan) return plan;
  const closed: number[] = [];
  for (let t = 0; t < T; t++) if (tagPart(t) === -1 || tagPart(t) >= 2) closed.push(t);
  const opening: number[] = [];
  const maxW = new Float64Array(T).fill(-Infinity);
  for (let t = 0; t < T; t++) {
    if (tagPart(t) === 1 || tagPart(t) === 2) continue;
    opening.push(t);
    for (const p of closed) maxW[t] = Math.max(maxW[t]!, tr[(p + 1) * T + t]!);
  }
  plan = { closed: Int32Array.from(closed), opening: Int32Array.from(opening), maxW };
  plans.set(tr, plan);
  return plan;
}

/**
 * Best tag sequence for tokens [a, b) given per-token emission scores em[(i - a) * T + t] and
 * transition scores tr (see transitionScores); the last token may not leave an entity open. A
 * stretch inside a sentence (run time) starts after an O (`afterO`) and may end open (`!closes`).
 *
 * Only the pairs BILOU allows are visited: I-x and L-x follow B-x or I-x; O, B-x and U-x follow
 * any closed tag. For those, the closed tag p* with the best score D1 wins outright when
 * D1 + tr[p*][t] > D2 + maxW[t] (D2 the best score of the other closed tags): no other p can
 * reach it, rounding being monotone, so the loop over C runs only when that test fails. Scores
 * and back-pointers (ties to the lowest tag) are the same as the full loop's.
 */
export function viterbi(em: Float64Array, a: number, b: number, T: number, tr: Float64Array, out: Uint8Array, delta: Float64Array, back: Uint8Array, afterO = false, closes = true): void {
  const len = b - a;
  if (len <= 0) return;
  const { closed, opening, maxW } = planFor(tr, T);
  const nc = closed.length;
  const no = opening.length;
  const types = (T - 1) >> 2;
  const first = afterO ? T : 0;
  for (let t = 0; t < T; t++) delta[t] = em[t]! + tr[first + t]!;
  for (let i = 1; i < len; i++) {
    const row = i * T;
    const prevRow = row - T;
    let p1 = closed[0]!;
    let d1 = delta[prevRow + p1]!;
    let d2 = -Infinity;
    for (let c = 1; c < nc; c++) {
      const v = delta[prevRow + closed[c]!]!;
      if (v > d1) {
        d2 = d1;
        d1 = v;
        p1 = closed[c]!;
      } else if (v > d2) d2 = v;
    }
    const from1 = (p1 + 1) * T;
    // O, B-x, U-x: predecessors C.
    for (let o = 0; o < no; o++) {
      const t = opening[o]!;
      const v1 = d1 + tr[from1 + t]!;
      if (v1 > d2 + maxW[t]!) {
        delta[row + t] = v1 + em[row + t]!;
        back[row + t] = p1;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < nc; c++) {
        const p = closed[c]!;
        const v = delta[prevRow + p]! + tr[(p + 1) * T + t]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[row + t] = best + em[row + t]!;
      back[row + t] = arg;
    }
    // I-x, L-x: predecessors B-x, I-x.
    for (let k = 0; k < types; k++) {
      const tb = 1 + 4 * k;
      const ti = tb + 1;
      const db = delta[prevRow + tb]!;
      const di = delta[prevRow + ti]!;
      for (let t = ti; t <= ti + 1; t++) {
        const vb = db + tr[(tb + 1) * T + t]!;
        const vi = di + tr[(ti + 1) * T + t]!;
        let best = -Infinity;
        let arg = 0;
        if (vb > best) {
          best = vb;
          arg = tb;
        }
        if (vi > best) {
          best = vi;
          arg = ti;
        }
        delta[row + t] = best + em[row + t]!;
        back[row + t] = arg;
      }
    }
  }
  const lastRow = (len - 1) * T;
  let bestTag = 0;
  let bestScore = -Infinity;
  for (let t = 0; t < T; t++) {
    const part = tagPart(t);
    if (closes && (part === 0 || part === 1)) continue;
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

const HIST_BUF = new Uint32Array(2);

/**
 * Emission scores of tokens [a, b): static scores plus the history features of each token, from
 * the model's table or (run time, `tagger`) the runtime's weights.
 */
export function emissions(m: LinearModel, d: Doc, src: StaticRows | ScoreRows, a: number, b: number, history: Map<number, Int32Array> | null, em: Float64Array, histRows?: Int32Array, tagger?: RuntimeTagger): void {
  const T = tagCount(m.types);
  const pre = 'v' in src ? src.v : null;
  const preStride = 'v' in src ? src.stride : 0;
  const preOffset = 'v' in src ? src.offset : 0;
  const w = m.w;
  const buf = HIST_BUF;
  for (let i = a; i < b; i++) {
    const o = (i - a) * T;
    if (pre) {
      const at = i * preStride + preOffset;
      for (let t = 0; t < T; t++) em[o + t] = pre[at + t]!;
    } else {
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
    const hist = historyLabel(history, d, i, m.types);
    if (tagger) {
      // A word without a history has no history features.
      if (hist >= 0) tagger.addHistory(em, o, d, i, hist);
      continue;
    }
    const k = historyFeatures(d, i, hist, buf);
    for (let j = 0; j < k; j++) {
      const r = m.table.get(buf[j]!);
      if (r < 0) continue;
      if (histRows) histRows[(i - a) * 2 + j] = r;
      const off = r * T;
      for (let t = 0; t < T; t++) em[o + t] = em[o + t]! + w[off + t]!;
    }
  }
}

/**
 * Viterbi decoding of each range in d.sents (a sentence, or at run time a stretch of one); the
 * document history carries labels across sentences, recorded once a sentence's ranges are done.
 */
function decodeStructured(m: LinearModel, d: Doc, src: StaticRows | ScoreRows, out: Uint8Array, tagger?: RuntimeTagger): void {
  const T = tagCount(m.types);
  const tr = tagger ? tagger.transitions() : transitionScores(m);
  let cap = 0;
  for (const [a, b] of d.sents) cap = Math.max(cap, b - a);
  const em = new Float64Array(cap * T);
  const delta = new Float64Array(cap * T);
  const back = new Uint8Array(cap * T);
  const history = m.useHistory ? new Map<number, Int32Array>() : null;
  const pending: Array<[number, number]> = [];
  let lastEnd = 0;
  const flush = (): void => {
    if (history) for (const [a, b] of pending) recordHistory(history, d, a, b, out, m.types, true);
    pending.length = 0;
  };
  for (const [a, b] of d.sents) {
    // A new sentence since the last range: its predecessor's labels go into the history now.
    for (let i = Math.max(lastEnd, 1); i <= a && pending.length > 0; i++) if (startsSentence(d, i)) flush();
    emissions(m, d, src, a, b, history, em, undefined, tagger);
    viterbi(em, a, b, T, tr, out, delta, back, a > 0 && !startsSentence(d, a), b >= d.n || startsSentence(d, b));
    pending.push([a, b]);
    lastEnd = b;
  }
  flush();
}

// Greedy left-to-right BILOU decoding with a linear model (averaged-perceptron weights).
// Shared by training (which passes an update hook) and runtime.

import { allowed, repair, tagCount, tagPart, tagType } from './bilou.ts';
import { dynamicFeatures, isCapitalised, MAX_DYNAMIC, MAX_STATIC, staticFeatures, type Doc } from './features.ts';
import type { IntTable } from './table.ts';

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
  return staticRowsMany([m], d)[0]!;
}

/**
 * Rows for several models at once: features are hashed once and looked up in each model's table
 * (a feature a model never saw, such as a gazetteer feature for the figures model, finds no row).
 */
export function staticRowsMany(models: LinearModel[], d: Doc): StaticRows[] {
  const out = models.map(() => ({ rows: new Int32Array(d.n * MAX_STATIC), counts: new Uint8Array(d.n) }));
  const buf = new Uint32Array(MAX_STATIC);
  const useGaz = models.some((m) => m.useGaz);
  for (const [a, b] of d.sents) {
    for (let i = a; i < b; i++) {
      const k = staticFeatures(d, i, a, b, buf, useGaz);
      const base = i * MAX_STATIC;
      for (let x = 0; x < models.length; x++) {
        const table = models[x]!.table;
        const rows = out[x]!.rows;
        let c = 0;
        for (let j = 0; j < k; j++) {
          const r = table.get(buf[j]!);
          if (r >= 0) rows[base + c++] = r;
        }
        out[x]!.counts[i] = c;
      }
    }
  }
  return out;
}

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
export function decode(m: LinearModel, d: Doc, sr: StaticRows, out: Uint8Array, gold?: Uint8Array, update?: UpdateHook): void {
  const T = tagCount(m.types);
  const w = m.w;
  const scores = new Float32Array(T);
  const dynBuf = new Uint32Array(MAX_DYNAMIC);
  const dynRows = new Int32Array(MAX_DYNAMIC);
  const history = m.useHistory ? new Map<number, Int32Array>() : null;
  const rows = sr.rows;
  const ok = transitions(m.types);
  for (const [a, b] of d.sents) {
    let prev = -1;
    let prev2 = -1;
    for (let i = a; i < b; i++) {
      scores.fill(0);
      const base = i * MAX_STATIC;
      const cnt = sr.counts[i]!;
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
      if (history && isCapitalised(d, i)) {
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


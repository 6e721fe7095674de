// Averaged-perceptron training for the greedy BILOU tagger in linear.ts.

import { makeTag, tagCount, tagType } from './bilou.ts';
import { dynamicFeatures, isCapitalised, MAX_DYNAMIC, MAX_STATIC, staticFeatures, type Doc } from './features.ts';
import { decode, staticRows, type LinearModel, type StaticRows } from './linear.ts';
import { IntTable } from './table.ts';

export interface TrainDoc {
  doc: Doc;
  gold: Uint8Array;
}

/** Projects gold character spans onto the document's tokens as BILOU tags (types by index in `types`). */
export function goldTags(doc: Doc, spans: Array<{ start: number; end: number; type: string }>, types: readonly string[]): Uint8Array {
  const tags = new Uint8Array(doc.n);
  const { starts, ends } = doc.toks;
  let t = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    const k = types.indexOf(s.type);
    if (k < 0) continue;
    while (t < doc.n && ends[t]! <= s.start) t++;
    let u = t;
    while (u < doc.n && starts[u]! < s.end) u++;
    const len = u - t;
    if (len <= 0) continue;
    if (len === 1) tags[t] = makeTag(k, 3);
    else {
      tags[t] = makeTag(k, 0);
      for (let m = t + 1; m < u - 1; m++) tags[m] = makeTag(k, 1);
      tags[u - 1] = makeTag(k, 2);
    }
  }
  return tags;
}

export interface TrainOptions {
  types: number;
  useGaz: boolean;
  useHistory: boolean;
  epochs: number;
  /** Features seen fewer times than this in the gold pass get no weights. */
  minCount: number;
  seed: number;
  log?: (msg: string) => void;
  /** Called after each epoch with the averaged model (for dev tuning). */
  onEpoch?: (epoch: number, model: LinearModel) => void;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function train(data: TrainDoc[], opts: TrainOptions): LinearModel {
  const T = tagCount(opts.types);
  // Gold pass: count every feature the gold sequence would fire.
  const counts = new Map<number, number>();
  const sbuf = new Uint32Array(MAX_STATIC);
  const dbuf = new Uint32Array(MAX_DYNAMIC);
  const bump = (h: number): void => {
    counts.set(h, (counts.get(h) ?? 0) + 1);
  };
  for (const { doc, gold } of data) {
    const history = new Map<number, Int32Array>();
    for (const [a, b] of doc.sents) {
      let prev = -1;
      let prev2 = -1;
      for (let i = a; i < b; i++) {
        const k = staticFeatures(doc, i, a, b, sbuf, opts.useGaz);
        for (let j = 0; j < k; j++) bump(sbuf[j]!);
        let hist = -1;
        if (opts.useHistory && isCapitalised(doc, i)) {
          const c = history.get(doc.hL[i]!);
          if (c) {
            let best = 0;
            for (let x = 1; x <= opts.types; x++) if (c[x]! > c[best]!) best = x;
            hist = best;
          }
          let cc = c;
          if (!cc) {
            cc = new Int32Array(opts.types + 1);
            history.set(doc.hL[i]!, cc);
          }
          cc[tagType(gold[i]!) + 1]!++;
        }
        const dk = dynamicFeatures(doc, i, prev, prev2, hist, dbuf);
        for (let j = 0; j < dk; j++) bump(dbuf[j]!);
        prev2 = prev;
        prev = gold[i]!;
      }
    }
  }
  let rowsN = 0;
  for (const v of counts.values()) if (v >= opts.minCount) rowsN++;
  const table = new IntTable(rowsN);
  let r = 0;
  for (const [h, v] of counts) if (v >= opts.minCount) table.set(h, r++);
  counts.clear();
  opts.log?.(`features: ${rowsN} rows x ${T} tags`);
  const w = new Float32Array(rowsN * T);
  const acc = new Float64Array(rowsN * T);
  const model: LinearModel = { types: opts.types, useGaz: opts.useGaz, useHistory: opts.useHistory, table, w };
  const cache: StaticRows[] = data.map((d) => staticRows(model, d.doc));
  let c = 1;
  const update = (rows: Int32Array, base: number, count: number, dyn: Int32Array, dynCount: number, g: number, p: number): void => {
    for (let j = 0; j < count; j++) {
      const off = rows[base + j]! * T;
      w[off + g]! += 1;
      acc[off + g]! += c;
      w[off + p]! -= 1;
      acc[off + p]! -= c;
    }
    for (let j = 0; j < dynCount; j++) {
      const off = dyn[j]! * T;
      w[off + g]! += 1;
      acc[off + g]! += c;
      w[off + p]! -= 1;
      acc[off + p]! -= c;
    }
  };
  const order = data.map((_, i) => i);
  const rand = rng(opts.seed);
  const averaged = (): LinearModel => {
    const avg = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) avg[i] = w[i]! - acc[i]! / c;
    return { ...model, w: avg };
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let total = 0;
    for (const idx of order) {
      const { doc, gold } = data[idx]!;
      const out = new Uint8Array(doc.n);
      decode(model, doc, cache[idx]!, out, gold, (...args) => {
        errors++;
        update(...args);
      });
      total += doc.n;
      c += doc.n;
    }
    opts.log?.(`epoch ${epoch}: token error rate ${(errors / total).toFixed(4)}`);
    if (opts.onEpoch) opts.onEpoch(epoch, averaged());
  }
  return averaged();
}

/**
 * Averages models trained on the same data with different shuffling seeds (their feature tables
 * are identical by construction): steadier than any single seed, and no seed is picked by its dev score.
 */
export function averageModels(models: LinearModel[]): LinearModel {
  const first = models[0]!;
  const w = new Float32Array(first.w.length);
  for (const m of models) for (let i = 0; i < w.length; i++) w[i] = w[i]! + m.w[i]! / models.length;
  return { ...first, w };
}

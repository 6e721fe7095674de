// Averaged-perceptron training for the greedy BILOU tagger in linear.ts.

import { allowed, makeTag, tagCount, tagsToSpans, tagType } from './bilou.ts';
import { dynamicFeatures, isCapitalised, MAX_DYNAMIC, MAX_STATIC, staticFeatures, type Doc } from './features.ts';
import { decode, emissions, recordHistory, staticRows, transitionScores, viterbi, type LinearModel, type StaticRows } from './linear.ts';
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
  /** Structured perceptron: whole-sentence Viterbi decoding with tag-pair features. */
  structured?: boolean;
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

/** The feature table of a training set: every feature the gold sequences fire at least minCount times. */
export function buildTable(data: TrainDoc[], opts: TrainOptions): IntTable {
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
  opts.log?.(`features: ${rowsN} rows x ${tagCount(opts.types)} tags`);
  return table;
}

export function train(data: TrainDoc[], opts: TrainOptions, shared?: IntTable, cached?: StaticRows[]): LinearModel {
  const T = tagCount(opts.types);
  const table = shared ?? buildTable(data, opts);
  const rowsN = table.size;
  const w = new Float32Array(rowsN * T);
  const acc = new Float64Array(rowsN * T);
  const model: LinearModel = { types: opts.types, useGaz: opts.useGaz, useHistory: opts.useHistory, structured: opts.structured === true, table, w };
  const cache: StaticRows[] = cached ?? data.map((d) => staticRows(model, d.doc));
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
    if (opts.structured) {
      for (const idx of order) {
        const d = data[idx]!;
        errors += structuredPass(model, d.doc, cache[idx]!, sanitised(d), acc, () => c, (n) => (c += n));
        total += d.doc.n;
      }
      opts.log?.(`epoch ${epoch}: sentence error rate ${(errors / data.reduce((s2, d) => s2 + d.doc.sents.length, 0)).toFixed(4)}`);
      if (opts.onEpoch) opts.onEpoch(epoch, averaged());
      continue;
    }
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

const sanitisedCache = new WeakMap<TrainDoc, Uint8Array>();

/** Gold tags made valid per sentence (a gold span our sentence splitter cuts becomes two spans). */
function sanitised(d: TrainDoc): Uint8Array {
  let g = sanitisedCache.get(d);
  if (g) return g;
  g = new Uint8Array(d.doc.n);
  for (const [a, b] of d.doc.sents) {
    for (const [s, e, type] of tagsToSpans(d.gold, a, b)) {
      if (e - s === 1) g[s] = makeTag(type, 3);
      else {
        g[s] = makeTag(type, 0);
        for (let m = s + 1; m < e - 1; m++) g[m] = makeTag(type, 1);
        g[e - 1] = makeTag(type, 2);
      }
    }
  }
  sanitisedCache.set(d, g);
  return g;
}

/**
 * One structured-perceptron pass over a document: each sentence is Viterbi-decoded with the
 * current weights and, where it differs from gold, gold features are rewarded and predicted ones
 * penalised (emissions at differing tokens, tag pairs where they differ). Returns the number of
 * sentences with mistakes.
 */
function structuredPass(m: LinearModel, doc: Doc, sr: StaticRows, gold: Uint8Array, acc: Float64Array, clock: () => number, tick: (n: number) => void): number {
  const T = tagCount(m.types);
  const w = m.w;
  const trRows = new Int32Array(T + 1);
  let tr = transitionScores(m, trRows);
  let cap = 0;
  for (const [a, b] of doc.sents) cap = Math.max(cap, b - a);
  const em = new Float64Array(cap * T);
  const delta = new Float64Array(cap * T);
  const back = new Uint8Array(cap * T);
  const histRows = new Int32Array(cap * 2);
  const pred = new Uint8Array(doc.n);
  const history = m.useHistory ? new Map<number, Int32Array>() : null;
  let errors = 0;
  const bump = (r: number, t: number, v: number): void => {
    const at = r * T + t;
    w[at]! += v;
    acc[at]! += v * clock();
  };
  for (const [a, b] of doc.sents) {
    emissions(m, doc, sr, a, b, history, em, histRows);
    viterbi(em, a, b, T, tr, pred, delta, back);
    let wrong = false;
    for (let i = a; i < b; i++) if (pred[i] !== gold[i]) wrong = true;
    if (wrong) {
      errors++;
      for (let i = a; i < b; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        if (g !== p) {
          const base = i * MAX_STATIC;
          for (let j = 0; j < sr.counts[i]!; j++) {
            bump(sr.rows[base + j]!, g, 1);
            bump(sr.rows[base + j]!, p, -1);
          }
          for (let j = 0; j < 2; j++) {
            const r = histRows[(i - a) * 2 + j]!;
            if (r < 0) continue;
            bump(r, g, 1);
            bump(r, p, -1);
          }
        }
        const gp = i > a ? gold[i - 1]! : -1;
        const pp = i > a ? pred[i - 1]! : -1;
        if (gp !== pp || g !== p) {
          if (allowed(gp, g) && trRows[gp + 1]! >= 0) bump(trRows[gp + 1]!, g, 1);
          if (trRows[pp + 1]! >= 0) bump(trRows[pp + 1]!, p, -1);
        }
      }
      tr = transitionScores(m, trRows);
    }
    if (history) recordHistory(history, doc, a, b, pred, m.types, false);
    tick(b - a);
  }
  return errors;
}

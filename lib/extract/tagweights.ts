// The taggers' dynamic feature weights at run time: the features of the previous two tags form a
// fixed table per model, summed once at load; the rest are looked up per token in the packed
// layout. decode() adds them in place of its own per-feature lookups (scorer.test.ts checks
// that the tags are the same).

import { allowed } from './bilou.ts';
import { historyFeatures, MAX_DYNAMIC, tagFeatures, transitionFeature, wordTagFeatures, type Doc } from './features.ts';
import type { RuntimeTagger } from './linear.ts';
import type { PackedWeights } from './packed.ts';

export class TagWeights implements RuntimeTagger {
  readonly types: number;
  readonly useHistory: boolean;
  readonly structured: boolean;
  private readonly T: number;
  /** Per (prev2 + 1, prev + 1): the summed tagFeatures weights, T floats. */
  private readonly pairs: Float64Array;
  private readonly buf = new Uint32Array(MAX_DYNAMIC);
  private readonly off: number;

  /** Weights of model x of the packed layout, a tagger of `tagger.types` types. */
  constructor(
    private readonly p: PackedWeights,
    private readonly x: number,
    tagger: { types: number; useHistory: boolean; structured: boolean },
  ) {
    this.types = tagger.types;
    this.useHistory = tagger.useHistory;
    this.structured = tagger.structured;
    const T = p.tags[x]!;
    this.T = T;
    this.off = p.offsets[x]!;
    this.pairs = new Float64Array((T + 1) * (T + 1) * T);
    const acc = new Float64Array(T);
    for (let prev2 = -1; prev2 < T; prev2++) {
      for (let prev = -1; prev < T; prev++) {
        acc.fill(0);
        this.addRows(tagFeatures(prev, prev2, this.buf, 0), acc);
        this.pairs.set(acc, ((prev2 + 1) * (T + 1) + prev + 1) * T);
      }
    }
  }

  /** Adds the weights of the hashes buf[0, k) to scores[at, at + T). */
  private addRows(k: number, scores: Float64Array, at = 0): void {
    const { table, q, scale, stride } = this.p;
    const nm = this.p.tags.length;
    const T = this.T;
    for (let j = 0; j < k; j++) {
      const r = table.get(this.buf[j]!);
      if (r < 0) continue;
      const sc = scale[r * nm + this.x]!;
      if (sc === 0) continue;
      const base = r * stride + this.off;
      for (let t = 0; t < T; t++) scores[at + t] = scores[at + t]! + q[base + t]! * sc;
    }
  }

  private transitionTable: Float64Array | null = null;

  /** As transitionScores() gives them for the plain model: template 40's weights, -Infinity where BILOU forbids the pair. */
  transitions(): Float64Array {
    if (this.transitionTable) return this.transitionTable;
    const T = this.T;
    const tr = new Float64Array((T + 1) * T);
    const row = new Float64Array(T);
    for (let prev = -1; prev < T; prev++) {
      row.fill(0);
      this.buf[0] = transitionFeature(prev);
      this.addRows(1, row);
      for (let t = 0; t < T; t++) tr[(prev + 1) * T + t] = allowed(prev, t) ? row[t]! : -Infinity;
    }
    return (this.transitionTable = tr);
  }

  addHistory(em: Float64Array, at: number, d: Doc, i: number, hist: number): void {
    this.addRows(historyFeatures(d, i, hist, this.buf), em, at);
  }

  score(scores: Float64Array, pre: Float32Array, at: number, d: Doc, i: number, prev: number, prev2: number, hist: number): void {
    const T = this.T;
    const o = ((prev2 + 1) * (T + 1) + prev + 1) * T;
    const pairs = this.pairs;
    for (let t = 0; t < T; t++) scores[t] = pre[at + t]! + pairs[o + t]!;
    this.addRows(wordTagFeatures(d, i, prev, hist, this.buf, 0), scores);
  }
}

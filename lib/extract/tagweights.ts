// The taggers' dynamic feature weights at run time: the features of the previous two tags form a
// fixed table per model, summed once at load; the rest are looked up per token in the packed
// layout. decode() adds them in place of its own per-feature lookups (scorer.test.ts checks
// that the tags are the same).

import { MAX_DYNAMIC, tagFeatures, wordTagFeatures, type Doc } from './features.ts';
import type { RuntimeTagger } from './linear.ts';
import type { PackedWeights } from './packed.ts';

export class TagWeights implements RuntimeTagger {
  readonly types: number;
  readonly useHistory: boolean;
  private readonly T: number;
  /** Per (prev2 + 1, prev + 1): the summed tagFeatures weights, T floats. */
  private readonly pairs: Float64Array;
  private readonly buf = new Uint32Array(MAX_DYNAMIC);
  private readonly off: number;

  /** Weights of model x of the packed layout, a tagger of `tagger.types` types. */
  constructor(
    private readonly p: PackedWeights,
    private readonly x: number,
    tagger: { types: number; useHistory: boolean },
  ) {
    this.types = tagger.types;
    this.useHistory = tagger.useHistory;
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

  private addRows(k: number, scores: Float64Array): void {
    const { table, q, scale, stride } = this.p;
    const nm = this.p.tags.length;
    const T = this.T;
    for (let j = 0; j < k; j++) {
      const r = table.get(this.buf[j]!);
      if (r < 0) continue;
      const sc = scale[r * nm + this.x]!;
      if (sc === 0) continue;
      const base = r * stride + this.off;
      for (let t = 0; t < T; t++) scores[t] = scores[t]! + q[base + t]! * sc;
    }
  }

  score(scores: Float64Array, pre: Float32Array, at: number, d: Doc, i: number, prev: number, prev2: number, hist: number): void {
    const T = this.T;
    const o = ((prev2 + 1) * (T + 1) + prev + 1) * T;
    const pairs = this.pairs;
    for (let t = 0; t < T; t++) scores[t] = pre[at + t]! + pairs[o + t]!;
    this.addRows(wordTagFeatures(d, i, prev, hist, this.buf, 0), scores);
  }
}

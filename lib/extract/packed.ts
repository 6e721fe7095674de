// Runtime layout of the taggers' static weights: both models' int8 rows for a feature sit in one
// 46-byte record found by one probe, so scoring a token costs about one cache miss per feature
// instead of three (the taggers are memory-bound, not compute-bound).

import { tagCount } from './bilou.ts';
import { MAX_STATIC, staticFeatures, type Doc } from './features.ts';
import type { LinearModel } from './linear.ts';
import { IntTable } from './table.ts';

export interface PackedWeights {
  table: IntTable;
  /** rows * stride int8 weights; model m's tags start at offsets[m]. */
  q: Int8Array;
  /** rows * models: the scale of each model's part of a row. */
  scale: Float32Array;
  offsets: number[];
  tags: number[];
  stride: number;
  useGaz: boolean;
}

export function pack(models: LinearModel[]): PackedWeights {
  const tags = models.map((m) => tagCount(m.types));
  const offsets: number[] = [];
  let stride = 0;
  for (const t of tags) {
    offsets.push(stride);
    stride += t;
  }
  let upper = 0;
  for (const m of models) upper += m.table.size;
  const table = new IntTable(upper);
  let rows = 0;
  for (const m of models) m.table.forEach((key) => {
    if (table.get(key) < 0) table.set(key, rows++);
  });
  const q = new Int8Array(rows * stride);
  const scale = new Float32Array(rows * models.length);
  models.forEach((m, x) => {
    const T = tags[x]!;
    const off = offsets[x]!;
    m.table.forEach((key, r) => {
      const c = table.get(key);
      let max = 0;
      for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(m.w[r * T + t]!));
      const s = max / 127 || 1;
      scale[c * models.length + x] = s;
      for (let t = 0; t < T; t++) q[c * stride + off + t] = Math.round(m.w[r * T + t]! / s);
    });
  });
  return { table, q, scale, offsets, tags, stride, useGaz: models.some((m) => m.useGaz) };
}

/**
 * Sum of static feature weights per token and tag, one Float32Array(n * tags) per model;
 * `skip[x]` (per sentence, 1 = skip) leaves model x's scores at zero where it will not decode.
 */
export function staticScores(p: PackedWeights, d: Doc, skip: Array<Uint8Array | null> = []): Float32Array[] {
  const nm = p.tags.length;
  const out = p.tags.map((T) => new Float32Array(d.n * T));
  const buf = new Uint32Array(MAX_STATIC);
  const { q, scale, stride, table } = p;
  const active = new Uint8Array(nm);
  // Accumulate a token's scores for all models in one small float64 buffer (stays in L1), then store.
  const acc = new Float64Array(stride);
  const offsets = p.offsets;
  const tags = p.tags;
  for (let si = 0; si < d.sents.length; si++) {
    const [a, b] = d.sents[si]!;
    let any = false;
    for (let x = 0; x < nm; x++) {
      active[x] = skip[x]?.[si] ? 0 : 1;
      if (active[x]) any = true;
    }
    if (!any) continue;
    for (let i = a; i < b; i++) {
      const k = staticFeatures(d, i, a, b, buf, p.useGaz);
      acc.fill(0);
      for (let j = 0; j < k; j++) {
        const r = table.get(buf[j]!);
        if (r < 0) continue;
        const base = r * stride;
        for (let x = 0; x < nm; x++) {
          if (active[x] === 0) continue;
          const sc = scale[r * nm + x]!;
          const from = offsets[x]!;
          const to = from + tags[x]!;
          for (let t = from; t < to; t++) acc[t] = acc[t]! + q[base + t]! * sc;
        }
      }
      for (let x = 0; x < nm; x++) {
        if (active[x] === 0) continue;
        const T = tags[x]!;
        const o = out[x]!;
        const from = offsets[x]!;
        for (let t = 0; t < T; t++) o[i * T + t] = acc[from + t]!;
      }
    }
  }
  return out;
}

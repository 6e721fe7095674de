// Runtime layout of the taggers' weights: both models' int8 rows for a feature sit in one record
// found by one probe, so a lookup costs about one cache miss instead of one per model (lookups
// are memory-bound, not compute-bound: float rows, three times the bytes, were slower). Built
// straight from the model file's rows: the int8 weights and per-row scales are the file's own,
// so runtime scores equal the plain model's.

import { tagCount } from './bilou.ts';
import { IntTable } from './table.ts';

/** One model's rows as stored in the file. */
export interface FileRows {
  types: number;
  useGaz: boolean;
  useHistory: boolean;
  structured: boolean;
  /** Feature hashes, ascending. */
  keys: Uint32Array;
  /** keys.length * tags int8 weights. */
  q: Int8Array;
  /** Per row: weight = q * scale. */
  scale: Float64Array;
}

export interface PackedWeights {
  table: IntTable;
  /** rows * stride int8 weights; model m's tags start at offsets[m]. */
  q: Int8Array;
  /** rows * models: the scale of each model's part of a row (0 where the model lacks the feature). */
  scale: Float64Array;
  offsets: number[];
  tags: number[];
  stride: number;
  useGaz: boolean;
}

export function pack(models: FileRows[]): PackedWeights {
  const nm = models.length;
  const tags = models.map((m) => tagCount(m.types));
  const offsets: number[] = [];
  let stride = 0;
  for (const t of tags) {
    offsets.push(stride);
    stride += t;
  }
  // One row per feature any model has; where[x][i] is the row of model x's i-th feature.
  let upper = 0;
  for (const m of models) upper += m.keys.length;
  const table = new IntTable(upper);
  const where = models.map((m) => new Int32Array(m.keys.length));
  let rows = 0;
  models.forEach((m, x) => {
    const w = where[x]!;
    for (let i = 0; i < m.keys.length; i++) {
      const key = m.keys[i]!;
      let r = x === 0 ? -1 : table.get(key);
      if (r < 0) table.set(key, (r = rows++));
      w[i] = r;
    }
  });
  const q = new Int8Array(rows * stride);
  const scale = new Float64Array(rows * nm);
  models.forEach((m, x) => {
    const T = tags[x]!;
    const off = offsets[x]!;
    const dest = where[x]!;
    for (let i = 0; i < m.keys.length; i++) {
      const r = dest[i]!;
      scale[r * nm + x] = m.scale[i]!;
      const base = r * stride + off;
      for (let t = 0; t < T; t++) q[base + t] = m.q[i * T + t]!;
    }
  });
  return { table, q, scale, offsets, tags, stride, useGaz: models.some((m) => m.useGaz) };
}

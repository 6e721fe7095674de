// Compact binary encoding of the trained models and gazetteer (base64 in a JSON asset):
// sorted feature hashes as delta varints, weights as sparse int8 per row.

import { tagCount } from './bilou.ts';
import type { LinearModel } from './linear.ts';
import { pack, type FileRows, type PackedWeights } from './packed.ts';
import { StaticScorer } from './scorer.ts';
import { TagWeights } from './tagweights.ts';
import { IntTable } from './table.ts';

class Writer {
  private buf = new Uint8Array(1 << 20);
  len = 0;
  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  byte(v: number): void {
    this.ensure(1);
    this.buf[this.len++] = v & 255;
  }
  varint(v: number): void {
    let x = v >>> 0;
    while (x >= 128) {
      this.byte((x & 127) | 128);
      x >>>= 7;
    }
    this.byte(x);
  }
  f32(v: number): void {
    const b = new Uint8Array(new Float32Array([v]).buffer);
    for (const x of b) this.byte(x);
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** 2^(7k): the place of a varint's k-th byte (a uint32 takes at most five). */
const VARINT_PLACE = [1, 2 ** 7, 2 ** 14, 2 ** 21, 2 ** 28];
/** Row scales by exponent byte: 2^((e - 128) / 8). */
const ROW_SCALE = Float64Array.from({ length: 256 }, (_, e) => 2 ** ((e - 128) / 8));

class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  byte(): number {
    return this.buf[this.pos++]!;
  }
  varint(): number {
    let v = 0;
    for (let k = 0; ; k++) {
      const b = this.buf[this.pos++]!;
      v += (b & 127) * VARINT_PLACE[k]!;
      if (b < 128) return v >>> 0;
    }
  }
  f32(): number {
    const b = this.buf.slice(this.pos, this.pos + 4);
    this.pos += 4;
    return new Float32Array(b.buffer)[0]!;
  }
}

export interface EncodeOptions {
  /** Keep at most this many feature rows (the ones with the largest weights). */
  maxRows: number;
  /** Weights smaller than this fraction of the model's largest weight are dropped. */
  minWeight: number;
}

/**
 * Rows are stored as: exponent byte (row scale 2^(e/8)), a bitmask of non-zero tags, then one
 * int8 per non-zero tag. A per-row scale keeps small-but-useful rows exact enough.
 */
function writeModel(w: Writer, m: LinearModel, opts: EncodeOptions): void {
  const T = tagCount(m.types);
  const maskBytes = Math.ceil(T / 8);
  let maxAbs = 0;
  for (let i = 0; i < m.w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(m.w[i]!));
  const floor = maxAbs * opts.minWeight;
  const rows: Array<[number, number, number]> = [];
  m.table.forEach((key, r) => {
    let rowMax = 0;
    for (let t = 0; t < T; t++) rowMax = Math.max(rowMax, Math.abs(m.w[r * T + t]!));
    if (rowMax > floor && rowMax > 0) rows.push([key, r, rowMax]);
  });
  rows.sort((a, b) => b[2] - a[2]);
  rows.length = Math.min(rows.length, opts.maxRows);
  rows.sort((a, b) => a[0] - b[0]);
  w.byte(m.types);
  w.byte((m.useGaz ? 1 : 0) | (m.useHistory ? 2 : 0) | (m.structured ? 4 : 0));
  w.varint(rows.length);
  let prev = 0;
  for (const [k] of rows) {
    w.varint(k - prev);
    prev = k;
  }
  for (const [, r, rowMax] of rows) {
    const e = Math.ceil(Math.log2(rowMax / 127) * 8);
    const scale = 2 ** (e / 8);
    w.byte(e + 128);
    const q = new Int8Array(T);
    for (let t = 0; t < T; t++) {
      const v = m.w[r * T + t]!;
      q[t] = Math.abs(v) < floor ? 0 : Math.max(-127, Math.min(127, Math.round(v / scale)));
    }
    for (let b = 0; b < maskBytes; b++) {
      let bits = 0;
      for (let t = b * 8; t < Math.min(T, b * 8 + 8); t++) if (q[t] !== 0) bits |= 1 << (t - b * 8);
      w.byte(bits);
    }
    for (let t = 0; t < T; t++) if (q[t] !== 0) w.byte(q[t]!);
  }
}

function readRows(r: Reader): FileRows {
  const types = r.byte();
  const flags = r.byte();
  const n = r.varint();
  const T = tagCount(types);
  const maskBytes = Math.ceil(T / 8);
  const keys = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    k += r.varint();
    keys[i] = k;
  }
  const q = new Int8Array(n * T);
  const scale = new Float64Array(n);
  const mask = new Uint8Array(maskBytes);
  for (let i = 0; i < n; i++) {
    scale[i] = ROW_SCALE[r.byte()]!;
    for (let b = 0; b < maskBytes; b++) mask[b] = r.byte();
    // Then the weights of the tags whose bits are set, in tag order.
    for (let b = 0; b < maskBytes; b++) {
      for (let bits = mask[b]!; bits !== 0; bits &= bits - 1) q[i * T + b * 8 + 31 - Math.clz32(bits & -bits)] = r.byte();
    }
  }
  return { types, useGaz: (flags & 1) !== 0, useHistory: (flags & 2) !== 0, structured: (flags & 4) !== 0, keys, q, scale };
}

/** The plain model (one hash table and float weights) that training and evaluation decode with. */
function linearModel(m: FileRows): LinearModel {
  const T = tagCount(m.types);
  const n = m.keys.length;
  const table = new IntTable(n);
  for (let i = 0; i < n; i++) table.set(m.keys[i]!, i);
  const w = new Float32Array(n * T);
  for (let i = 0; i < n; i++) {
    const sc = m.scale[i]!;
    for (let t = i * T; t < (i + 1) * T; t++) w[t] = m.q[t]! * sc;
  }
  return { types: m.types, useGaz: m.useGaz, useHistory: m.useHistory, structured: m.structured, table, w };
}

export interface ModelBundle {
  /** The plain models, as training and evaluation decode with them (built on first use: extract() does not need them). */
  readonly names: LinearModel;
  readonly figures: LinearModel;
  /** Both models' weights in one int8 layout (see packed.ts). */
  packed: PackedWeights;
  /** Static scores with this model's caches (see scorer.ts). */
  scorer: StaticScorer;
  /** Each tagger's dynamic feature weights for decoding (see tagweights.ts). */
  nameTags: TagWeights;
  figureTags: TagWeights;
  /** Phrase hash -> type bits. */
  gazetteer: IntTable;
  /** Word hash -> word class (see clusters.ts). */
  clusters: IntTable;
}

export const DEFAULT_ENCODING: { names: EncodeOptions; figures: EncodeOptions } = {
  names: { maxRows: 20000, minWeight: 0.001 },
  figures: { maxRows: 25000, minWeight: 0.001 },
};

/** Sorted keys as delta varints, then one value per key (varint). */
function writeMap(w: Writer, map: Map<number, number>): void {
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  w.varint(entries.length);
  let prev = 0;
  for (const [h] of entries) {
    w.varint(h - prev);
    prev = h;
  }
  for (const [, v] of entries) w.varint(v);
}

function readMap(r: Reader): IntTable {
  const n = r.varint();
  const keys = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    k += r.varint();
    keys[i] = k;
  }
  const table = new IntTable(n);
  for (let i = 0; i < n; i++) table.set(keys[i]!, r.varint());
  return table;
}

export function encodeBundle(names: LinearModel, figures: LinearModel, gaz: Map<number, number>, clusters: Map<number, number>, enc = DEFAULT_ENCODING): Uint8Array {
  const w = new Writer();
  w.byte(76); // 'L'
  w.byte(2);
  writeModel(w, names, enc.names);
  writeModel(w, figures, enc.figures);
  writeMap(w, gaz);
  writeMap(w, clusters);
  return w.bytes();
}

export function decodeBundle(bytes: Uint8Array): ModelBundle {
  const r = new Reader(bytes);
  if (r.byte() !== 76 || r.byte() !== 2) throw new Error('extract model: unknown format');
  const nameRows = readRows(r);
  const figureRows = readRows(r);
  const gazetteer = readMap(r);
  const clusters = readMap(r);
  const packed = pack([nameRows, figureRows]);
  let names: LinearModel | null = null;
  let figures: LinearModel | null = null;
  return {
    get names(): LinearModel {
      return (names ??= linearModel(nameRows));
    },
    get figures(): LinearModel {
      return (figures ??= linearModel(figureRows));
    },
    gazetteer,
    clusters,
    packed,
    scorer: new StaticScorer(packed),
    nameTags: new TagWeights(packed, 0, nameRows),
    figureTags: new TagWeights(packed, 1, figureRows),
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    out += B64[a >> 2]! + B64[((a & 3) << 4) | (b >> 4)]! + (i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)]! : '=') + (i + 2 < bytes.length ? B64[c & 63]! : '=');
    if (out.length > 8192) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out);
  return parts.join('');
}

export function fromBase64(s: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  let len = (s.length / 4) * 3;
  if (s.endsWith('==')) len -= 2;
  else if (s.endsWith('=')) len -= 1;
  const out = new Uint8Array(len);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const a = lookup[s.charCodeAt(i)]!;
    const b = lookup[s.charCodeAt(i + 1)]!;
    const c = lookup[s.charCodeAt(i + 2)]!;
    const d = lookup[s.charCodeAt(i + 3)]!;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < len) out[o++] = (v >> 16) & 255;
    if (o < len) out[o++] = (v >> 8) & 255;
    if (o < len) out[o++] = v & 255;
  }
  return out;
}

// Static scores of a document's tokens without looking up every feature of every token.
// Most static features read a single word (features.ts groups them by what they read), so the sum
// of a word's weights as the token itself and as each neighbour is computed once, on first sight,
// and kept with the loaded model; a token then costs five cached vectors, three small cached groups
// (shapes, document evidence, gazetteer) and the few word-pair features looked up directly.
// The sums are the same as over staticFeatures(), only in another order (scorer.test.ts checks).

import {
  contextFeatures,
  docFeatures,
  gazFeatures,
  MAX_STATIC,
  nextWord2Features,
  nextWordFeatures,
  placeBits,
  prevWord2Features,
  prevWordFeatures,
  shapeFeatures,
  wordFeatures,
  type Doc,
} from './features.ts';
import type { PackedWeights } from './packed.ts';

const BOS = 0x1b05;
const EOS = 0xe05;
const NO_GAZ = 0xffff;

/** A word's five vectors: as the token, as the previous, second previous, next and second next word. */
const SELF = 0;
const PREV = 1;
const PREV2 = 2;
const NEXT = 3;
const NEXT2 = 4;
const ROLES = 5;

export interface ScorerLimits {
  /** Words kept (each holds five score vectors for both models); the cache empties when full. */
  words: number;
  /** Entries of each small cache (shape context, document evidence, gazetteer context). */
  small: number;
}

// 8,192 words hold ~7.5 MB of vectors: enough for the common vocabulary of many articles.
const DEFAULT_LIMITS: ScorerLimits = { words: 8192, small: 8192 };

function hash4(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ d ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Summed score vectors keyed by up to four exact input values; empties itself when full. */
class VectorCache {
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly vec: Float32Array;
  readonly count: Uint8Array;
  size = 0;
  /** Set by find() when the entry is new and its vector must be filled. */
  fresh = false;

  constructor(private readonly limit: number, stride: number) {
    let cap = 16;
    while (cap < limit * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.keys = new Int32Array(limit * 4);
    this.vec = new Float32Array(limit * stride);
    this.count = new Uint8Array(limit);
  }

  clear(): void {
    this.slots.fill(0);
    this.size = 0;
  }

  /** The entry for the key, created (and marked fresh) when absent. */
  find(a: number, b: number, c: number, d: number): number {
    const keys = this.keys;
    let s = hash4(a, b, c, d) & this.mask;
    for (;;) {
      const e = this.slots[s]! - 1;
      if (e < 0) break;
      if (keys[e * 4] === (a | 0) && keys[e * 4 + 1] === (b | 0) && keys[e * 4 + 2] === (c | 0) && keys[e * 4 + 3] === (d | 0)) {
        this.fresh = false;
        return e;
      }
      s = (s + 1) & this.mask;
    }
    if (this.size >= this.limit) {
      this.clear();
      return this.find(a, b, c, d);
    }
    const e = this.size++;
    this.slots[s] = e + 1;
    keys[e * 4] = a;
    keys[e * 4 + 1] = b;
    keys[e * 4 + 2] = c;
    keys[e * 4 + 3] = d;
    this.fresh = true;
    return e;
  }
}

/**
 * Static scores for both taggers of a packed model, with the caches that make them cheap. One per
 * loaded model (the caches hold that model's weights), reused across documents.
 */
export class StaticScorer {
  private readonly stride: number;
  private readonly nm: number;
  private readonly limits: ScorerLimits;
  // Words: open addressing on the word hash, verified against the word's text.
  private wordSlots: Int32Array;
  private wordMask: number;
  private wordHash: Uint32Array;
  private wordText: string[];
  /** Per word, ROLES vectors of `stride` floats; entry 0 holds the sentence-boundary vectors. */
  private wordVec: Float32Array;
  private wordCount: Uint8Array;
  private words = 1;
  private readonly shapes: VectorCache;
  private readonly docs: VectorCache;
  private readonly gaz: VectorCache;
  private readonly buf = new Uint32Array(MAX_STATIC);
  private readonly acc: Float64Array;
  private readonly tmp: Float64Array;
  /** Word entries available, entry 0 included. */
  private readonly wordCapacity: number;

  constructor(private readonly p: PackedWeights, limits: Partial<ScorerLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.stride = p.stride;
    this.nm = p.tags.length;
    this.acc = new Float64Array(p.stride);
    this.tmp = new Float64Array(p.stride);
    // The sliding window needs room for five words besides entry 0.
    const w = Math.max(this.limits.words, 5) + 1;
    this.wordCapacity = w;
    let cap = 16;
    while (cap < w * 2) cap *= 2;
    this.wordSlots = new Int32Array(cap);
    this.wordMask = cap - 1;
    this.wordHash = new Uint32Array(w);
    this.wordText = new Array<string>(w);
    this.wordVec = new Float32Array(w * ROLES * p.stride);
    this.wordCount = new Uint8Array(w * ROLES);
    this.shapes = new VectorCache(this.limits.small, p.stride);
    this.docs = new VectorCache(this.limits.small, p.stride);
    this.gaz = new VectorCache(this.limits.small, p.stride);
    // Entry 0: what lies beyond a sentence's edges.
    const none = null as unknown as Doc;
    this.wordCount[PREV] = this.sum(prevWordFeatures(none, -1, this.buf, 0), this.wordVec, PREV * p.stride);
    this.wordCount[PREV2] = this.sum(prevWord2Features(none, -1, this.buf, 0), this.wordVec, PREV2 * p.stride);
    this.wordCount[NEXT] = this.sum(nextWordFeatures(none, -1, this.buf, 0), this.wordVec, NEXT * p.stride);
    this.wordCount[NEXT2] = this.sum(nextWord2Features(none, -1, this.buf, 0), this.wordVec, NEXT2 * p.stride);
  }

  /** Empties the caches (they refill on use). */
  clear(): void {
    this.clearWords();
    this.shapes.clear();
    this.docs.clear();
    this.gaz.clear();
  }

  private clearWords(): void {
    this.wordSlots.fill(0);
    this.words = 1;
  }

  /** Empties the word cache when n more words would not fit; says whether it did. */
  private makeRoom(n: number): boolean {
    if (this.words + n <= this.wordCapacity) return false;
    this.clearWords();
    return true;
  }

  /** Stores the summed weights of the hashes buf[from, to) in vec at off; returns how many there were. */
  private sum(to: number, vec: Float32Array, off: number, from = 0): number {
    const tmp = this.tmp;
    tmp.fill(0);
    this.addRows(from, to, tmp);
    for (let t = 0; t < this.stride; t++) vec[off + t] = tmp[t]!;
    return to - from;
  }

  /** Adds the weights of the hashes buf[from, to) to acc (all models). */
  private addRows(from: number, to: number, acc: Float64Array): void {
    const { table, q, scale, offsets, tags } = this.p;
    const stride = this.stride;
    const nm = this.nm;
    const buf = this.buf;
    for (let j = from; j < to; j++) {
      const r = table.get(buf[j]!);
      if (r < 0) continue;
      const base = r * stride;
      for (let x = 0; x < nm; x++) {
        const sc = scale[r * nm + x]!;
        if (sc === 0) continue;
        const end = offsets[x]! + tags[x]!;
        for (let t = offsets[x]!; t < end; t++) acc[t] = acc[t]! + q[base + t]! * sc;
      }
    }
  }

  /** The cache entry of token i's word, computing its vectors on first sight. */
  private word(d: Doc, i: number): number {
    const h = d.hW[i]!;
    const s = d.toks.starts[i]!;
    const len = d.toks.ends[i]! - s;
    const text = d.text;
    let slot = (h ^ (h >>> 16)) & this.wordMask;
    for (;;) {
      const e = this.wordSlots[slot]! - 1;
      if (e < 0) break;
      if (this.wordHash[e] === h) {
        const w = this.wordText[e]!;
        if (w.length === len && text.startsWith(w, s)) return e;
      }
      slot = (slot + 1) & this.wordMask;
    }
    const e = this.words++;
    this.wordSlots[slot] = e + 1;
    this.wordHash[e] = h;
    this.wordText[e] = text.slice(s, s + len);
    const stride = this.stride;
    const base = e * ROLES;
    const buf = this.buf;
    const vec = this.wordVec;
    this.wordCount[base + SELF] = this.sum(wordFeatures(d, i, buf, 0), vec, (base + SELF) * stride);
    this.wordCount[base + PREV] = this.sum(prevWordFeatures(d, i, buf, 0), vec, (base + PREV) * stride);
    this.wordCount[base + PREV2] = this.sum(prevWord2Features(d, i, buf, 0), vec, (base + PREV2) * stride);
    this.wordCount[base + NEXT] = this.sum(nextWordFeatures(d, i, buf, 0), vec, (base + NEXT) * stride);
    this.wordCount[base + NEXT2] = this.sum(nextWord2Features(d, i, buf, 0), vec, (base + NEXT2) * stride);
    return e;
  }

  /**
   * Sum of static feature weights per token and tag, one Float32Array(n * tags) per model;
   * `skip[x]` (per sentence, 1 = skip) leaves model x's scores at zero where it will not decode.
   */
  scores(d: Doc, skip: Array<Uint8Array | null> = []): Float32Array[] {
    const { stride, nm, p } = this;
    const tags = p.tags;
    const offsets = p.offsets;
    const out = tags.map((T) => new Float32Array(d.n * T));
    const active = new Uint8Array(nm);
    const acc = this.acc;
    const buf = this.buf;
    const { hS, gaz, docCap, docRun } = d;
    const useGaz = p.useGaz;
    const roleStride = ROLES * stride;
    for (let si = 0; si < d.sents.length; si++) {
      const [a, b] = d.sents[si]!;
      let any = false;
      for (let x = 0; x < nm; x++) {
        active[x] = skip[x]?.[si] ? 0 : 1;
        if (active[x]) any = true;
      }
      if (!any || a >= b) continue;
      // A window of five words' entries (0 = beyond the sentence) slides along the sentence.
      this.makeRoom(3);
      let em2 = 0;
      let em1 = 0;
      let e0 = this.word(d, a);
      let ep1 = a + 1 < b ? this.word(d, a + 1) : 0;
      let ep2 = a + 2 < b ? this.word(d, a + 2) : 0;
      for (let i = a; i < b; i++) {
        if (this.makeRoom(1)) {
          // Full: start again with the window's words.
          em2 = i - 2 >= a ? this.word(d, i - 2) : 0;
          em1 = i - 1 >= a ? this.word(d, i - 1) : 0;
          e0 = this.word(d, i);
          ep1 = i + 1 < b ? this.word(d, i + 1) : 0;
          ep2 = i + 2 < b ? this.word(d, i + 2) : 0;
        }
        const wv = this.wordVec;
        const wc = this.wordCount;
        const oS = (e0 * ROLES + SELF) * stride;
        const oP = em1 * roleStride + PREV * stride;
        const oP2 = em2 * roleStride + PREV2 * stride;
        const oN = ep1 * roleStride + NEXT * stride;
        const oN2 = ep2 * roleStride + NEXT2 * stride;
        let k = wc[e0 * ROLES + SELF]! + wc[em1 * ROLES + PREV]! + wc[em2 * ROLES + PREV2]! + wc[ep1 * ROLES + NEXT]! + wc[ep2 * ROLES + NEXT2]!;
        const s0 = hS[i]!;
        const sm1 = i - 1 >= a ? hS[i - 1]! : BOS;
        const sp1 = i + 1 < b ? hS[i + 1]! : EOS;
        const place = placeBits(d, i);
        const sh = this.shapes.find(sm1, s0, sp1, place);
        if (this.shapes.fresh) this.shapes.count[sh] = this.sum(shapeFeatures(sm1, s0, sp1, place, buf, 0), this.shapes.vec, sh * stride);
        k += this.shapes.count[sh]!;
        const dc = docCap[i]!;
        const run = docRun[i]!;
        const dv = this.docs.find(dc, run, 0, 0);
        if (this.docs.fresh) this.docs.count[dv] = this.sum(docFeatures(dc, run, buf, 0), this.docs.vec, dv * stride);
        k += this.docs.count[dv]!;
        const sv = this.shapes.vec;
        const ov = this.docs.vec;
        const oSh = sh * stride;
        const oD = dv * stride;
        for (let t = 0; t < stride; t++) acc[t] = wv[oS + t]! + wv[oP + t]! + wv[oP2 + t]! + wv[oN + t]! + wv[oN2 + t]! + sv[oSh + t]! + ov[oD + t]!;
        const kc = contextFeatures(d, i, a, b, buf, 0);
        this.addRows(0, kc, acc);
        k += kc;
        if (useGaz) {
          const gm = i - 1 >= a ? gaz[i - 1]! : NO_GAZ;
          const g = gaz[i]!;
          const gp = i + 1 < b ? gaz[i + 1]! : NO_GAZ;
          // gazFeatures caps its list by the count of features before it, so that count is part of the key.
          const gv = this.gaz.find(gm, g, gp, k);
          if (this.gaz.fresh) this.sum(gazFeatures(gm, g, gp, buf, k), this.gaz.vec, gv * stride, k);
          const zv = this.gaz.vec;
          const oG = gv * stride;
          for (let t = 0; t < stride; t++) acc[t] = acc[t]! + zv[oG + t]!;
        }
        for (let x = 0; x < nm; x++) {
          if (active[x] === 0) continue;
          const T = tags[x]!;
          const o = out[x]!;
          const from = offsets[x]!;
          for (let t = 0; t < T; t++) o[i * T + t] = acc[from + t]!;
        }
        em2 = em1;
        em1 = e0;
        e0 = ep1;
        ep1 = ep2;
        ep2 = i + 3 < b ? this.word(d, i + 3) : 0;
      }
    }
    return out;
  }
}

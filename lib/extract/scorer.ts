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
  /** Words kept (each holds five score vectors for both models). */
  words: number;
  /** Shape contexts kept. */
  shapes: number;
  /** Entries of the document-evidence and gazetteer-context caches. */
  small: number;
}

// At most 15 MB of word vectors (920 bytes a word) and 1.5 MB of shape contexts, filled as words
// come. Measured on OntoNotes dev then CoNLL testa (fresh text after other news): 6% of testa's
// tokens miss a 16,384-word cache, 15% an 8,192-word one.
const DEFAULT_LIMITS: ScorerLimits = { words: 16384, shapes: 8192, small: 4096 };

/**
 * When a cache is full it keeps the most looked-up half of its entries, so the common vocabulary
 * survives a stream of rare names: the smallest lookup count that at most `keep` of the entries
 * [from, used) reach (65 keeps none).
 */
function keepThreshold(hits: Uint32Array, from: number, used: number, keep: number): number {
  const histogram = new Uint32Array(65);
  for (let e = from; e < used; e++) histogram[Math.min(hits[e]!, 64)]!++;
  let threshold = 65;
  let kept = 0;
  while (threshold > 1 && kept + histogram[threshold - 1]! <= keep) kept += histogram[--threshold]!;
  return threshold;
}

/**
 * The feature count before the gazetteer group as far as gazFeatures' list depends on it: its
 * cap (MAX_STATIC - 6) cuts the list of g's bits only when k + popcount(g) > MAX_STATIC - 6, so
 * every smaller count gives the same list and shares one cache entry (0).
 */
function gazKeyCount(g: number, k: number): number {
  if (g === 0) return 0;
  let bits = g - ((g >>> 1) & 0x5555);
  bits = (bits & 0x3333) + ((bits >>> 2) & 0x3333);
  bits = (bits + (bits >>> 4)) & 0x0f0f;
  bits = (bits + (bits >>> 8)) & 0x1f;
  return k + bits <= MAX_STATIC - 6 ? 0 : k;
}

/** Entries a cache's vectors have room for at first (they grow as needed, up to the limit). */
const INITIAL_ENTRIES = 256;

function grown(vec: Float32Array, length: number): Float32Array {
  const next = new Float32Array(length);
  next.set(vec);
  return next;
}

function hash4(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ d ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Summed score vectors keyed by up to four exact input values; keeps the most used half when full. */
class VectorCache {
  private readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Entry e's vector at [e * stride, (e + 1) * stride); grows up to the limit as entries come. */
  vec: Float32Array;
  /** Features summed into each vector. */
  readonly count: Uint8Array;
  private readonly hits: Uint32Array;
  private size = 0;
  /** Set by find() when the entry is new: its vector is zero and must be filled. */
  fresh = false;

  private readonly limit: number;

  constructor(
    limit: number,
    private readonly stride: number,
  ) {
    this.limit = Math.max(2, limit);
    limit = this.limit;
    let cap = 16;
    while (cap < limit * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.keys = new Int32Array(limit * 4);
    this.vec = new Float32Array(Math.min(limit, INITIAL_ENTRIES) * stride);
    this.count = new Uint8Array(limit);
    this.hits = new Uint32Array(limit);
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
        this.hits[e]!++;
        this.fresh = false;
        return e;
      }
      s = (s + 1) & this.mask;
    }
    if (this.size >= this.limit) {
      this.evict();
      return this.find(a, b, c, d);
    }
    const e = this.size++;
    this.hits[e] = 0;
    this.slots[s] = e + 1;
    keys[e * 4] = a;
    keys[e * 4 + 1] = b;
    keys[e * 4 + 2] = c;
    keys[e * 4 + 3] = d;
    if ((e + 1) * this.stride > this.vec.length) this.vec = grown(this.vec, Math.min(this.limit, 2 * e) * this.stride);
    this.vec.fill(0, e * this.stride, (e + 1) * this.stride);
    this.fresh = true;
    return e;
  }

  private evict(): void {
    const { hits, keys, stride } = this;
    const threshold = keepThreshold(hits, 0, this.size, this.limit >> 1);
    this.slots.fill(0);
    let next = 0;
    for (let e = 0; e < this.size; e++) {
      if (threshold > 64 || hits[e]! < threshold) continue;
      if (e !== next) {
        keys.copyWithin(next * 4, e * 4, e * 4 + 4);
        this.vec.copyWithin(next * stride, e * stride, (e + 1) * stride);
        this.count[next] = this.count[e]!;
      }
      hits[next] = hits[e]! >>> 1;
      let s = hash4(keys[next * 4]!, keys[next * 4 + 1]!, keys[next * 4 + 2]!, keys[next * 4 + 3]!) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = next + 1;
      next++;
    }
    this.size = next;
  }
}

/**
 * Static scores for both taggers of a packed model, with the caches that make them cheap. One per
 * loaded model (the caches hold that model's weights), reused across documents.
 *
 * A word's entry holds, per model, its five role vectors side by side (model x's block starts at
 * ROLES * offsets[x] within the entry, role r at r * tags[x] in the block), so a token that only
 * one tagger decodes reads only that tagger's floats, five short runs.
 */
export class StaticScorer {
  private readonly stride: number;
  private readonly limits: ScorerLimits;
  // Words: open addressing on the word hash, verified against the word's text.
  private readonly wordSlots: Int32Array;
  private readonly wordMask: number;
  private readonly wordHash: Uint32Array;
  private readonly wordText: string[];
  /** Per word, ROLES * stride floats (see the class comment); entry 0 holds what lies beyond a sentence's edges. */
  private wordVec: Float32Array;
  private readonly wordCount: Uint8Array;
  /** Per word, bit x: model x's vectors are summed (each model's are summed only once a token it scores reads the word). */
  private readonly wordModels: Uint8Array;
  /** Lookups of each word since it was cached (halved at each eviction). */
  private readonly wordHits: Uint32Array;
  /** Word entries available, entry 0 included. */
  private readonly wordCapacity: number;
  private words = 1;
  private readonly shapes: VectorCache;
  private readonly docs: VectorCache;
  private readonly gaz: VectorCache;
  private readonly buf = new Uint32Array(MAX_STATIC);
  private readonly rows = new Int32Array(MAX_STATIC);
  /** The rows of the token's word-pair features that the model has. */
  private readonly pairRows = new Int32Array(MAX_STATIC);
  /** Whether docFeatures lists nothing for a token without document evidence. */
  private readonly noDocFeatures: boolean;
  /** The scores of the last document (see scores()). */
  private out = new Float32Array(0);

  constructor(
    private readonly p: PackedWeights,
    limits: Partial<ScorerLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    const stride = p.stride;
    this.stride = stride;
    // Room for the sliding window's words (see scores()) besides entry 0.
    const w = Math.max(this.limits.words, 16) + 1;
    this.wordCapacity = w;
    let cap = 16;
    while (cap < w * 2) cap *= 2;
    this.wordSlots = new Int32Array(cap);
    this.wordMask = cap - 1;
    this.wordHash = new Uint32Array(w);
    this.wordText = new Array<string>(w);
    this.wordVec = new Float32Array(Math.min(w, INITIAL_ENTRIES) * ROLES * stride);
    this.wordCount = new Uint8Array(w * ROLES);
    this.wordModels = new Uint8Array(w);
    this.wordHits = new Uint32Array(w);
    this.shapes = new VectorCache(this.limits.shapes, stride);
    this.docs = new VectorCache(this.limits.small, stride);
    this.gaz = new VectorCache(this.limits.small, stride);
    this.noDocFeatures = docFeatures(0, 0, this.buf, 0) === 0;
    const none = null as unknown as Doc;
    const buf = this.buf;
    const all = (1 << p.tags.length) - 1;
    this.wordCount[PREV] = this.sumRole(0, prevWordFeatures(none, -1, buf, 0), 0, PREV, all);
    this.wordCount[PREV2] = this.sumRole(0, prevWord2Features(none, -1, buf, 0), 0, PREV2, all);
    this.wordCount[NEXT] = this.sumRole(0, nextWordFeatures(none, -1, buf, 0), 0, NEXT, all);
    this.wordCount[NEXT2] = this.sumRole(0, nextWord2Features(none, -1, buf, 0), 0, NEXT2, all);
    this.wordModels[0] = all;
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

  /** When n more words would not fit, keeps the most looked-up half and says that entries moved. */
  private makeRoom(n: number): boolean {
    if (this.words + n <= this.wordCapacity) return false;
    const hits = this.wordHits;
    const threshold = keepThreshold(hits, 1, this.words, Math.min(this.wordCapacity >> 1, this.wordCapacity - 1 - n));
    const stride = this.stride;
    const vec = this.wordVec;
    this.wordSlots.fill(0);
    let next = 1;
    for (let e = 1; e < this.words; e++) {
      if (hits[e]! < threshold || threshold > 64) continue;
      if (e !== next) {
        vec.copyWithin(next * ROLES * stride, e * ROLES * stride, (e + 1) * ROLES * stride);
        this.wordCount.copyWithin(next * ROLES, e * ROLES, (e + 1) * ROLES);
        this.wordModels[next] = this.wordModels[e]!;
        this.wordHash[next] = this.wordHash[e]!;
        this.wordText[next] = this.wordText[e]!;
      }
      hits[next] = hits[e]! >>> 1;
      const h = this.wordHash[next]!;
      let slot = (h ^ (h >>> 16)) & this.wordMask;
      while (this.wordSlots[slot] !== 0) slot = (slot + 1) & this.wordMask;
      this.wordSlots[slot] = next + 1;
      next++;
    }
    this.words = next;
    return true;
  }

  /** Looks up the rows of the hashes buf[from, to) into this.rows. */
  private probe(from: number, to: number): void {
    const table = this.p.table;
    const buf = this.buf;
    const rows = this.rows;
    // All probes first: independent cache misses overlap.
    for (let j = from; j < to; j++) rows[j] = table.get(buf[j]!);
  }

  /** Adds the weights of the hashes buf[from, to) to the stride-wide vector vec at off; returns how many hashes there were. */
  private sum(from: number, to: number, vec: Float32Array, off: number): number {
    const { q, scale, offsets, tags } = this.p;
    const stride = this.stride;
    const nm = tags.length;
    const rows = this.rows;
    this.probe(from, to);
    for (let j = from; j < to; j++) {
      const r = rows[j]!;
      if (r < 0) continue;
      const base = r * stride;
      for (let x = 0; x < nm; x++) {
        const sc = scale[r * nm + x]!;
        if (sc === 0) continue;
        const end = offsets[x]! + tags[x]!;
        for (let t = offsets[x]!; t < end; t++) vec[off + t]! += q[base + t]! * sc;
      }
    }
    return to - from;
  }

  /** Adds the weights of the hashes buf[from, to) to role `role` of word entry e for the models in `models` (bit x: model x; see the class comment); returns how many hashes there were. */
  private sumRole(from: number, to: number, e: number, role: number, models: number): number {
    const { q, scale, offsets, tags } = this.p;
    const stride = this.stride;
    const nm = tags.length;
    const rows = this.rows;
    const vec = this.wordVec;
    const entry = e * ROLES * stride;
    this.probe(from, to);
    for (let j = from; j < to; j++) {
      const r = rows[j]!;
      if (r < 0) continue;
      for (let x = 0; x < nm; x++) {
        if ((models & (1 << x)) === 0) continue;
        const sc = scale[r * nm + x]!;
        if (sc === 0) continue;
        const T = tags[x]!;
        const src = r * stride + offsets[x]!;
        const dst = entry + ROLES * offsets[x]! + role * T;
        for (let t = 0; t < T; t++) vec[dst + t]! += q[src + t]! * sc;
      }
    }
    return to - from;
  }

  /**
   * The cache entry of token i's word with the vectors of the models in `need` summed (bit x: model
   * x), computing what is missing. A word no scored token reads (`need` 0) is not looked up: entry
   * 0 stands in and is never read for it.
   */
  private word(d: Doc, i: number, need: number): number {
    if (need === 0) return 0;
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
        if (w.length === len && text.startsWith(w, s)) {
          this.wordHits[e]!++;
          const missing = need & ~this.wordModels[e]!;
          if (missing !== 0) this.sumWord(d, i, e, missing);
          return e;
        }
      }
      slot = (slot + 1) & this.wordMask;
    }
    const e = this.words++;
    this.wordSlots[slot] = e + 1;
    this.wordHash[e] = h;
    this.wordText[e] = text.slice(s, s + len);
    this.wordHits[e] = 0;
    this.wordModels[e] = 0;
    const stride = this.stride;
    if ((e + 1) * ROLES * stride > this.wordVec.length) this.wordVec = grown(this.wordVec, Math.min(this.wordCapacity, 2 * e) * ROLES * stride);
    this.wordVec.fill(0, e * ROLES * stride, (e + 1) * ROLES * stride);
    this.sumWord(d, i, e, need);
    return e;
  }

  /** Sums the five role vectors of token i's word into entry e for the models in `models`. */
  private sumWord(d: Doc, i: number, e: number, models: number): void {
    const base = e * ROLES;
    const buf = this.buf;
    const wc = this.wordCount;
    wc[base + SELF] = this.sumRole(0, wordFeatures(d, i, buf, 0), e, SELF, models);
    wc[base + PREV] = this.sumRole(0, prevWordFeatures(d, i, buf, 0), e, PREV, models);
    wc[base + PREV2] = this.sumRole(0, prevWord2Features(d, i, buf, 0), e, PREV2, models);
    wc[base + NEXT] = this.sumRole(0, nextWordFeatures(d, i, buf, 0), e, NEXT, models);
    wc[base + NEXT2] = this.sumRole(0, nextWord2Features(d, i, buf, 0), e, NEXT2, models);
    this.wordModels[e] = this.wordModels[e]! | models;
  }

  /**
   * Sum of static feature weights per token and tag of every model: model x's score for tag t of
   * token i is at [i * stride + offsets[x] + t]. With `active[x]` (per token, 1 = score), model x's
   * scores stay zero on the tokens it will not decode. The array is the scorer's own and is
   * overwritten by the next call.
   */
  scores(d: Doc, active: Array<Uint8Array | null> = []): Float32Array {
    const { stride, p } = this;
    const nm = p.tags.length;
    const size = d.n * stride;
    if (this.out.length < size) this.out = new Float32Array(Math.max(size, 2 * this.out.length));
    const out = this.out.subarray(0, size);
    out.fill(0);
    // Bit x: model x scores the token (more models than bits would need a wider type).
    const bits = new Uint8Array(d.n);
    for (let x = 0; x < nm; x++) {
      const mask = active[x];
      const bit = 1 << x;
      if (!mask) for (let i = 0; i < d.n; i++) bits[i] = bits[i]! | bit;
      else for (let i = 0; i < d.n; i++) if (mask[i] === 1) bits[i] = bits[i]! | bit;
    }
    // Per token, the models that score a token within two of it in the sentence: they read its word.
    const near = new Uint8Array(d.n);
    for (let si = 0; si < d.sents.length; si++) {
      const [a, b] = d.sents[si]!;
      let any = 0;
      for (let i = a; i < b; i++) {
        const on = bits[i]!;
        any |= on;
        if (on === 0) continue;
        for (let j = Math.max(a, i - 2); j <= i + 2 && j < b; j++) near[j] = near[j]! | on;
      }
      if (any === 0) continue;
      // A window of five words' entries (0 = beyond the sentence) slides along the sentence.
      this.makeRoom(3);
      let em2 = 0;
      let em1 = 0;
      let e0 = this.word(d, a, near[a]!);
      let ep1 = a + 1 < b ? this.word(d, a + 1, near[a + 1]!) : 0;
      let ep2 = a + 2 < b ? this.word(d, a + 2, near[a + 2]!) : 0;
      for (let i = a; i < b; i++) {
        // Room for the window's five words, should they need looking up again, and the next one.
        if (this.makeRoom(6)) {
          // Entries moved or went: look the window's words up again.
          em2 = i - 2 >= a ? this.word(d, i - 2, near[i - 2]!) : 0;
          em1 = i - 1 >= a ? this.word(d, i - 1, near[i - 1]!) : 0;
          e0 = this.word(d, i, near[i]!);
          ep1 = i + 1 < b ? this.word(d, i + 1, near[i + 1]!) : 0;
          ep2 = i + 2 < b ? this.word(d, i + 2, near[i + 2]!) : 0;
        }
        const on = bits[i]!;
        if (on !== 0) this.score(d, i, a, b, out, on, em2, em1, e0, ep1, ep2);
        em2 = em1;
        em1 = e0;
        e0 = ep1;
        ep1 = ep2;
        ep2 = i + 3 < b ? this.word(d, i + 3, near[i + 3]!) : 0;
      }
    }
    return out;
  }

  /** Token i's scores for the models whose bit is set in `on`, from the entries of the words around it. */
  private score(d: Doc, i: number, a: number, b: number, out: Float32Array, on: number, em2: number, em1: number, e0: number, ep1: number, ep2: number): void {
    const { stride, p, buf, rows } = this;
    const { q, scale, offsets, tags } = p;
    const nm = tags.length;
    const hS = d.hS;
    const shapes = this.shapes;
    const s0 = hS[i]!;
    const sm1 = i - 1 >= a ? hS[i - 1]! : BOS;
    const sp1 = i + 1 < b ? hS[i + 1]! : EOS;
    const place = placeBits(d, i);
    const sh = shapes.find(sm1, s0, sp1, place);
    if (shapes.fresh) shapes.count[sh] = this.sum(0, shapeFeatures(sm1, s0, sp1, place, buf, 0), shapes.vec, sh * stride);
    // Document evidence: most tokens (lower-case words) have none, and then no features.
    const dc = d.docCap[i]!;
    const run = d.docRun[i]!;
    let dv = -1;
    const docs = this.docs;
    if (dc !== 0 || run !== 0 || !this.noDocFeatures) {
      dv = docs.find(dc, run, 0, 0);
      if (docs.fresh) docs.count[dv] = this.sum(0, docFeatures(dc, run, buf, 0), docs.vec, dv * stride);
    }
    // Word pairs: looked up directly.
    const kc = contextFeatures(d, i, a, b, buf, 0);
    this.probe(0, kc);
    const pairRows = this.pairRows;
    let hits = 0;
    for (let j = 0; j < kc; j++) if (rows[j]! >= 0) pairRows[hits++] = rows[j]!;
    // Gazetteer context; gazFeatures caps its list by the count of features before it, which matters
    // only where the cap can bite (see gazKeyCount).
    let gv = -1;
    const gaz = this.gaz;
    if (p.useGaz) {
      const g = d.gaz[i]!;
      const gm = i - 1 >= a ? d.gaz[i - 1]! : NO_GAZ;
      const gp = i + 1 < b ? d.gaz[i + 1]! : NO_GAZ;
      let k = 0;
      if (g !== 0) {
        const wc = this.wordCount;
        k = wc[e0 * ROLES + SELF]! + wc[em1 * ROLES + PREV]! + wc[em2 * ROLES + PREV2]! + wc[ep1 * ROLES + NEXT]! + wc[ep2 * ROLES + NEXT2]!;
        k += shapes.count[sh]! + (dv >= 0 ? docs.count[dv]! : 0) + kc;
      }
      gv = gaz.find(gm, g, gp, gazKeyCount(g, k));
      if (gaz.fresh) {
        // The entry's rows are summed after the first kc slots, where the cap would put them.
        const start = Math.max(k, 0);
        const end = gazFeatures(gm, g, gp, buf, start);
        this.sum(start, end, gaz.vec, gv * stride);
      }
    }
    const wv = this.wordVec;
    const sv = shapes.vec;
    const dvec = docs.vec;
    const gvec = gaz.vec;
    const entry = ROLES * stride;
    for (let x = 0; x < nm; x++) {
      if ((on & (1 << x)) === 0) continue;
      const T = tags[x]!;
      const ox = offsets[x]!;
      const block = ROLES * ox;
      const o = i * stride + ox;
      const oS = e0 * entry + block + SELF * T;
      const oP = em1 * entry + block + PREV * T;
      const oP2 = em2 * entry + block + PREV2 * T;
      const oN = ep1 * entry + block + NEXT * T;
      const oN2 = ep2 * entry + block + NEXT2 * T;
      const oSh = sh * stride + ox;
      if (gv >= 0 && dv >= 0) {
        const oG = gv * stride + ox;
        const oD = dv * stride + ox;
        for (let t = 0; t < T; t++) out[o + t] = wv[oS + t]! + wv[oP + t]! + wv[oP2 + t]! + wv[oN + t]! + wv[oN2 + t]! + sv[oSh + t]! + gvec[oG + t]! + dvec[oD + t]!;
      } else if (gv >= 0) {
        const oG = gv * stride + ox;
        for (let t = 0; t < T; t++) out[o + t] = wv[oS + t]! + wv[oP + t]! + wv[oP2 + t]! + wv[oN + t]! + wv[oN2 + t]! + sv[oSh + t]! + gvec[oG + t]!;
      } else {
        for (let t = 0; t < T; t++) out[o + t] = wv[oS + t]! + wv[oP + t]! + wv[oP2 + t]! + wv[oN + t]! + wv[oN2 + t]! + sv[oSh + t]!;
        if (dv >= 0) {
          const oD = dv * stride + ox;
          for (let t = 0; t < T; t++) out[o + t]! += dvec[oD + t]!;
        }
      }
      for (let j = 0; j < hits; j++) {
        const r = pairRows[j]!;
        const sc = scale[r * nm + x]!;
        if (sc === 0) continue;
        const src = r * stride + ox;
        for (let t = 0; t < T; t++) out[o + t]! += q[src + t]! * sc;
      }
    }
  }
}

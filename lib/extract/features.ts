// Feature extraction shared by training and decoding. Every feature is a uint32 hash of a
// template id and hashed token properties, so nothing here builds strings per feature.

import { FNV_OFFSET, fnvStep, mix } from './hash.ts';
import { denseIds } from './table.ts';
import { splitSentences, tokenize, type Tokens } from './tokenize.ts';

export const GAZ_MAX_LEN = 6;
export const GAZ_SEED = 0x51ed27;

/** Looks up the entity-type bitmask (bit k = type k) of a phrase hash; 0 when absent. */
export type GazLookup = (phraseHash: number) => number;

export interface Doc {
  text: string;
  toks: Tokens;
  sents: Array<[number, number]>;
  n: number;
  hW: Uint32Array;
  hL: Uint32Array;
  hS: Uint32Array;
  /** Prefix hashes of the lower-cased word, 4 per token (0 when the word is too short). */
  hP: Uint32Array;
  /** Suffix hashes, 4 per token. */
  hX: Uint32Array;
  /** Bits: 1 initial capital, 2 all caps, 4 has digit, 8 all lower-case letters, 16 sentence-initial, 32 sentence in caps. */
  flags: Uint8Array;
  /** Document-level capitalisation evidence for capitalised tokens (see DOC_* bits). */
  docCap: Uint8Array;
  /** Gazetteer bits per token: bit (4*part + type), part 0 B 1 I 2 L 3 U. */
  gaz: Uint16Array;
  /**
   * Where this word stands in runs of capitalised words anywhere in the document (1 first, 2 inside,
   * 4 last, 8 alone) and 16 when a title ("Mr", "President") precedes it somewhere: evidence from
   * later mentions that a left-to-right tagger has not reached yet.
   */
  docRun: Uint8Array;
  /** Number class: 1 year-like, 2 day-sized integer, 3 other integer, 4 decimal, 5 grouped thousands, 6 fraction, 7 ordinal, 0 none. */
  num: Uint8Array;
  /** Word class of the exact word (see clusters.ts) plus one; 0 when the word has none. */
  cl: Uint16Array;
}

/** Looks up the word class of a word hash (Doc.hW); -1 when it has none. */
export type ClusterLookup = (wordHash: number) => number;

const TITLES = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'president', 'minister', 'senator', 'sen.', 'rep.', 'gov.', 'governor', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'general', 'gen.', 'coach', 'chairman', 'secretary', 'spokesman', 'spokeswoman', 'leader', 'mayor', 'ambassador', 'prof.', 'professor', 'captain', 'striker', 'midfielder', 'defender', 'goalkeeper']);

const F_CAP = 1;
const F_ALLCAPS = 2;
const F_DIGIT = 4;
const F_LOWER = 8;
const F_INITIAL = 16;
const F_CAPSSENT = 32;

const BOS = 0x1b05;
const EOS = 0xe05;

function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

function shapeClass(c: number): number {
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 48 && c <= 57) return 100; // d
  if (c < 128) return c;
  const s = String.fromCharCode(c);
  const lo = s.toLowerCase();
  const up = s.toUpperCase();
  if (lo !== up) return s === up ? 88 : 120;
  // Curly quotes and dashes share a class with their ASCII forms.
  if (c === 0x2019 || c === 0x2018) return 39;
  if (c === 0x201c || c === 0x201d) return 34;
  if (c === 0x2013 || c === 0x2014) return 45;
  return 111; // other
}

function numberClass(text: string, s: number, e: number): number {
  let digits = 0;
  let dot = false;
  let comma = false;
  let slash = false;
  let letters = 0;
  let value = 0;
  for (let j = s; j < e; j++) {
    const c = text.charCodeAt(j);
    if (c >= 48 && c <= 57) {
      digits++;
      if (value < 1e6) value = value * 10 + (c - 48);
    } else if (c === 46) dot = true;
    else if (c === 44) comma = true;
    else if (c === 47) slash = true;
    else letters++;
  }
  if (digits === 0) return 0;
  if (letters > 0) return 7;
  if (slash) return 6;
  if (comma) return 5;
  if (dot) return 4;
  if (digits === 4 && value >= 1800 && value <= 2099) return 1;
  if (value >= 1 && value <= 31) return 2;
  return 3;
}

let titleCache: Set<number> | null = null;
function titleHashes(): Set<number> {
  if (!titleCache) {
    titleCache = new Set();
    for (const t of TITLES) {
      let h = FNV_OFFSET;
      for (let i = 0; i < t.length; i++) h = fnvStep(h, t.charCodeAt(i));
      titleCache.add(h >>> 0);
    }
  }
  return titleCache;
}

export function prepareDoc(text: string, gaz: GazLookup | null, toks?: Tokens): Doc {
  const t = toks ?? tokenize(text);
  const sents = splitSentences(text, t);
  const n = t.starts.length;
  const hW = new Uint32Array(n);
  const hL = new Uint32Array(n);
  const hS = new Uint32Array(n);
  const hP = new Uint32Array(n * 4);
  const hX = new Uint32Array(n * 4);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = t.starts[i]!;
    const e = t.ends[i]!;
    let w = FNV_OFFSET;
    let l = FNV_OFFSET;
    let sh = FNV_OFFSET;
    let prevClass = -1;
    let upper = 0;
    let lower = 0;
    let digit = 0;
    for (let j = s; j < e; j++) {
      const c = text.charCodeAt(j);
      w = fnvStep(w, c);
      const lc = lowerCode(c);
      l = fnvStep(l, lc);
      const k = j - s;
      if (k < 4 && e - s > k + 1) hP[i * 4 + k] = (l ^ 0x1234) >>> 0;
      const cls = shapeClass(c);
      if (cls !== prevClass) {
        sh = fnvStep(sh, cls);
        prevClass = cls;
      }
      if (cls === 88) upper++;
      else if (cls === 120) lower++;
      else if (cls === 100) digit++;
    }
    let x = FNV_OFFSET;
    for (let k = 0; k < 4 && e - 1 - k > s; k++) {
      x = fnvStep(x, lowerCode(text.charCodeAt(e - 1 - k)));
      hX[i * 4 + k] = (x ^ 0x4321) >>> 0;
    }
    // The long shape adds the length bucket so "X" (initial) and "XXXX" (acronym) differ.
    hW[i] = w >>> 0;
    hL[i] = l >>> 0;
    hS[i] = mix(sh >>> 0, Math.min(e - s, 5));
    const first = shapeClass(text.charCodeAt(s));
    let f = 0;
    if (first === 88) f |= F_CAP;
    if (upper >= 2 && lower === 0) f |= F_ALLCAPS;
    if (digit > 0) f |= F_DIGIT;
    if (lower > 0 && upper === 0) f |= F_LOWER;
    flags[i] = f;
  }
  for (const [a, b] of sents) {
    if (a < b) flags[a] = flags[a]! | F_INITIAL;
    let letters = 0;
    let caps = 0;
    for (let i = a; i < b; i++) {
      const f = flags[i]!;
      if (f & (F_CAP | F_LOWER)) letters++;
      if (f & F_ALLCAPS || ((f & F_CAP) && t.ends[i]! - t.starts[i]! === 1)) caps++;
    }
    if (letters >= 2 && caps >= letters * 0.8) for (let i = a; i < b; i++) flags[i] = flags[i]! | F_CAPSSENT;
  }
  // Document-level capitalisation: is this word written title-case mid-sentence elsewhere, or lower-case?
  const wordId = new Int32Array(n);
  const words = denseIds(hL, wordId);
  const titleMid = new Int32Array(words);
  const lowerSeen = new Uint8Array(words);
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    if ((f & F_CAP) && !(f & (F_INITIAL | F_CAPSSENT | F_ALLCAPS))) titleMid[wordId[i]!]!++;
    else if (f & F_LOWER) lowerSeen[wordId[i]!] = 1;
  }
  const docCap = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    if (!(f & F_CAP)) continue;
    const selfMid = (f & F_CAP) && !(f & (F_INITIAL | F_CAPSSENT | F_ALLCAPS)) ? 1 : 0;
    let v = 1;
    if (titleMid[wordId[i]!]! - selfMid > 0) v |= 2;
    if (lowerSeen[wordId[i]!]) v |= 4;
    if (f & (F_INITIAL | F_CAPSSENT)) v |= 8;
    if (f & F_ALLCAPS) v |= 16;
    docCap[i] = v;
  }
  const runBits = new Uint8Array(words);
  for (const [a, b] of sents) {
    let i = a;
    while (i < b) {
      if (!(flags[i]! & F_CAP)) {
        i++;
        continue;
      }
      let j = i;
      while (j < b && flags[j]! & F_CAP) j++;
      // A run's first word at the sentence start says little; count it only inside sentences.
      for (let k = i; k < j; k++) {
        if (k === a && !(flags[k]! & F_CAPSSENT)) continue;
        const bit = j - i === 1 ? 8 : k === i ? 1 : k === j - 1 ? 4 : 2;
        runBits[wordId[k]!]! |= bit;
      }
      i = j;
    }
  }
  const TITLE_HASHES = titleHashes();
  for (let i = 1; i < n; i++) {
    if (flags[i]! & F_CAP && TITLE_HASHES.has(hL[i - 1]!)) runBits[wordId[i]!]! |= 16;
  }
  const docRun = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (flags[i]! & F_CAP) docRun[i] = runBits[wordId[i]!]!;
  const num = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (flags[i]! & F_DIGIT) num[i] = numberClass(text, t.starts[i]!, t.ends[i]!);
  const doc: Doc = { text, toks: t, sents, n, hW, hL, hS, hP, hX, flags, docCap, gaz: new Uint16Array(n), docRun, num, cl: new Uint16Array(n) };
  if (gaz) applyGazetteer(doc, gaz);
  return doc;
}

/** Marks gazetteer matches on the document's tokens (replacing earlier marks). */
export function applyGazetteer(doc: Doc, gaz: GazLookup): void {
  const { sents, flags, hL } = doc;
  const gazBits = doc.gaz;
  gazBits.fill(0);
  {
    for (const [a, b] of sents) {
      for (let i = a; i < b; i++) {
        let h = GAZ_SEED;
        // Phrases never start with punctuation or lower-case words.
        if (!(flags[i]! & (F_CAP | F_DIGIT))) continue;
        for (let len = 1; len <= GAZ_MAX_LEN && i + len <= b; len++) {
          h = mix(h, hL[i + len - 1]!);
          const bits = gaz(h);
          if (bits === 0) continue;
          for (let k = 0; k < 4; k++) {
            if (!(bits & (1 << k))) continue;
            if (len === 1) gazBits[i] = gazBits[i]! | (1 << (12 + k));
            else {
              gazBits[i] = gazBits[i]! | (1 << k);
              for (let m = i + 1; m < i + len - 1; m++) gazBits[m] = gazBits[m]! | (1 << (4 + k));
              gazBits[i + len - 1] = gazBits[i + len - 1]! | (1 << (8 + k));
            }
          }
        }
      }
    }
  }
}

/** Marks every token's word class (replacing earlier marks). */
export function applyClusters(doc: Doc, lookup: ClusterLookup): void {
  for (let i = 0; i < doc.n; i++) doc.cl[i] = lookup(doc.hW[i]!) + 1;
}

/** The gazetteer key of one word given as characters [s, e) of text: phraseHash of a one-token phrase of that text. */
export function wordPhraseHash(text: string, s: number, e: number): number {
  let l = FNV_OFFSET;
  for (let j = s; j < e; j++) l = fnvStep(l, lowerCode(text.charCodeAt(j)));
  return mix(GAZ_SEED, l >>> 0);
}

/** Phrase hash of tokens [a, b) for gazetteer lookups, built the same way as in prepareDoc. */
export function phraseHash(doc: Doc, a: number, b: number): number {
  let h = GAZ_SEED;
  for (let i = a; i < b; i++) h = mix(h, doc.hL[i]!);
  return h;
}

export const MAX_STATIC = 48;

// Static feature templates, grouped by what they read. The runtime (scorer.ts) sums a group's
// weights once per distinct input and reuses the sum, so a group may read only what its comment
// names; staticFeatures() is their concatenation and the one definition training uses. A new
// template that reads anything else (or when in doubt) belongs in contextFeatures, which is
// looked up for every token. scorer.test.ts compares the runtime with the plain sum over
// staticFeatures() and fails when a template is misplaced or missed.

/** Token w's own word: only properties of its exact text (hW, hL, hS, hP, hX, num, its class cl). */
export function wordFeatures(d: Doc, w: number, out: Uint32Array, k: number): number {
  out[k++] = 1;
  out[k++] = mix(2, d.hW[w]!);
  out[k++] = mix(3, d.hL[w]!);
  out[k++] = mix(4, d.hS[w]!);
  for (let p = 0; p < 4; p++) {
    const v = d.hP[w * 4 + p]!;
    if (v !== 0) out[k++] = mix(5 + p, v);
    const x = d.hX[w * 4 + p]!;
    if (x !== 0) out[k++] = mix(9 + p, x);
  }
  const nc = d.num[w]!;
  if (nc !== 0) out[k++] = mix(39, nc);
  // 48: the word's class (clusters.ts; 0 for none), a property of the exact word.
  out[k++] = mix(48, d.cl[w]!);
  return k;
}

/** What the previous word w (-1 at a sentence start) says about the next token: only w's word, as in wordFeatures. */
export function prevWordFeatures(d: Doc, w: number, out: Uint32Array, k: number): number {
  out[k++] = mix(13, w >= 0 ? d.hL[w]! : BOS);
  if (w >= 0) out[k++] = mix(26, d.hX[w * 4 + 2]!);
  out[k++] = mix(49, w >= 0 ? d.cl[w]! : BOS);
  return k;
}

/** The word two back (w, or -1 before the sentence): only w's word. */
export function prevWord2Features(d: Doc, w: number, out: Uint32Array, k: number): number {
  out[k++] = mix(15, w >= 0 ? d.hL[w]! : BOS);
  return k;
}

/** The next word w (-1 after the sentence's end): only w's word. */
export function nextWordFeatures(d: Doc, w: number, out: Uint32Array, k: number): number {
  out[k++] = mix(14, w >= 0 ? d.hL[w]! : EOS);
  if (w >= 0) out[k++] = mix(25, d.hX[w * 4 + 2]!);
  out[k++] = mix(50, w >= 0 ? d.cl[w]! : EOS);
  return k;
}

/** The word two ahead (w, or -1 past the sentence): only w's word. */
export function nextWord2Features(d: Doc, w: number, out: Uint32Array, k: number): number {
  out[k++] = mix(16, w >= 0 ? d.hL[w]! : EOS);
  return k;
}

/** Shapes of the token and its neighbours, and the token's place in the sentence: only the arguments. */
export function shapeFeatures(sm1: number, s0: number, sp1: number, place: number, out: Uint32Array, k: number): number {
  out[k++] = mix(mix(mix(19, sm1), s0), sp1);
  out[k++] = mix(mix(20, sm1), s0);
  out[k++] = mix(mix(21, s0), sp1);
  out[k++] = mix(mix(22, place), s0);
  if (place & F_CAPSSENT) out[k++] = mix(29, s0);
  return k;
}

/** Document-level evidence on the token's word: only the arguments. */
export function docFeatures(dc: number, run: number, out: Uint32Array, k: number): number {
  if (dc !== 0) out[k++] = mix(27, dc);
  if (run !== 0) {
    out[k++] = mix(37, run);
    out[k++] = mix(mix(38, run), dc);
  }
  return k;
}

/** Pairs of words and anything else: read freely, looked up per token, never cached. */
export function contextFeatures(d: Doc, i: number, a: number, b: number, out: Uint32Array, k: number): number {
  const hL = d.hL;
  const l0 = hL[i]!;
  const s0 = d.hS[i]!;
  const lm1 = i - 1 >= a ? hL[i - 1]! : BOS;
  const lp1 = i + 1 < b ? hL[i + 1]! : EOS;
  out[k++] = mix(mix(17, lm1), l0);
  out[k++] = mix(mix(18, l0), lp1);
  out[k++] = mix(mix(23, lm1), s0);
  out[k++] = mix(mix(24, s0), lp1);
  const dc = d.docCap[i]!;
  if (dc !== 0) out[k++] = mix(mix(28, dc), l0);
  const nc = d.num[i]!;
  if (nc !== 0) {
    out[k++] = mix(mix(46, nc), lm1);
    out[k++] = mix(mix(47, nc), lp1);
  }
  return k;
}

/**
 * Gazetteer matches of the token (g) and its neighbours (0xffff outside the sentence): only the
 * arguments and k, the count of features before them, which caps the list; always the last group.
 */
export function gazFeatures(gm: number, g: number, gp: number, out: Uint32Array, k: number): number {
  if (g !== 0) {
    for (let bit = 0; bit < 16; bit++) {
      if (g & (1 << bit)) {
        out[k++] = mix(30, bit);
        if (k >= MAX_STATIC - 6) break;
      }
    }
    out[k++] = mix(31, g);
  }
  out[k++] = mix(mix(32, gm), g);
  out[k++] = mix(mix(33, g), gp);
  return k;
}

/** The token's place in its sentence as shapeFeatures reads it. */
export function placeBits(d: Doc, i: number): number {
  return d.flags[i]! & (F_INITIAL | F_CAPSSENT);
}

/** Static features of token i in sentence [a, b); writes hashes into out and returns the count. */
export function staticFeatures(d: Doc, i: number, a: number, b: number, out: Uint32Array, useGaz: boolean): number {
  let k = wordFeatures(d, i, out, 0);
  k = prevWordFeatures(d, i - 1 >= a ? i - 1 : -1, out, k);
  k = prevWord2Features(d, i - 2 >= a ? i - 2 : -1, out, k);
  k = nextWordFeatures(d, i + 1 < b ? i + 1 : -1, out, k);
  k = nextWord2Features(d, i + 2 < b ? i + 2 : -1, out, k);
  k = shapeFeatures(i - 1 >= a ? d.hS[i - 1]! : BOS, d.hS[i]!, i + 1 < b ? d.hS[i + 1]! : EOS, placeBits(d, i), out, k);
  k = docFeatures(d.docCap[i]!, d.docRun[i]!, out, k);
  k = contextFeatures(d, i, a, b, out, k);
  if (useGaz) k = gazFeatures(i - 1 >= a ? d.gaz[i - 1]! : 0xffff, d.gaz[i]!, i + 1 < b ? d.gaz[i + 1]! : 0xffff, out, k);
  return k;
}

export const MAX_DYNAMIC = 6;

// Dynamic templates in two groups, the same way: the runtime (tagweights.ts) sums tagFeatures once
// per pair of previous tags; everything else belongs in wordTagFeatures, looked up per token.

/** The previous two tags (-1 before the sentence): only the arguments. */
export function tagFeatures(prev: number, prev2: number, out: Uint32Array, k: number): number {
  out[k++] = transitionFeature(prev);
  out[k++] = mix(mix(41, prev2), prev);
  return k;
}

/** The previous tag or the document's label history (hist, -1 for none) with this token: read freely. */
export function wordTagFeatures(d: Doc, i: number, prev: number, hist: number, out: Uint32Array, k: number): number {
  out[k++] = mix(mix(42, prev), d.hL[i]!);
  out[k++] = mix(mix(43, prev), d.hS[i]!);
  return k + historyFeatures(d, i, hist, out, k);
}

/** Template 40: the previous tag (the only tag-pair feature of structured, Viterbi-decoded models). */
export function transitionFeature(prev: number): number {
  return mix(40, prev);
}

/**
 * Templates 44-45: the label this word (lower-cased) already received in the document, alone and
 * with the word's shape; -1 when it has none. Depend on the token's own word and earlier decisions.
 */
export function historyFeatures(d: Doc, i: number, hist: number, out: Uint32Array, at = 0): number {
  if (hist < 0) return 0;
  out[at] = mix(44, hist);
  out[at + 1] = mix(mix(45, hist), d.hS[i]!);
  return 2;
}

/** Features that depend on earlier decisions: previous tags and the document's label history of this word. */
export function dynamicFeatures(d: Doc, i: number, prev: number, prev2: number, hist: number, out: Uint32Array): number {
  return wordTagFeatures(d, i, prev, hist, out, tagFeatures(prev, prev2, out, 0));
}

export function isCapitalised(d: Doc, i: number): boolean {
  return (d.flags[i]! & F_CAP) !== 0;
}

export function startsSentence(d: Doc, i: number): boolean {
  return (d.flags[i]! & F_INITIAL) !== 0;
}

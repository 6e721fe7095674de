// Fixing the edges of an approximate match. The matcher minimises edit distance,
// which counts a substitution and a deletion alike and prefers the longest of
// equally good spans; so when words at a passage's edge were edited or cut away,
// it happily stretches the span over neighbouring text that matches a few
// characters by chance. Three repairs, in order:
//   1. pin: where the stored context still matches nearby, the edge is where the
//      context says (moved by up to a few characters);
//   2. trim: on a side whose context is gone, cut back a tail that was mostly
//      unmatched (and never cut inside a word);
//   3. snap: if the quote began (ended) at a word boundary, so must the span.

import { prefixSimilarity, suffixSimilarity } from './similarity';

/** Edit distances of `pattern` against every prefix of `text`: out[j] = ed(pattern, text[0, j)). */
export function distancesToPrefixes(pattern: string, text: string): Uint32Array {
  const n = text.length;
  let prev = new Uint32Array(n + 1);
  let cur = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    cur[0] = i;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = (prev[j - 1] as number) + (text.charCodeAt(j - 1) === pc ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev;
}

const WORD = /[\p{L}\p{N}]/u;
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** Between two word characters: cutting here would split a word. */
function midWord(s: string, i: number): boolean {
  return i > 0 && i < s.length && isWordChar(s[i - 1]) && isWordChar(s[i]);
}

/**
 * A tail character is kept only if more than four in five such characters pay for
 * themselves. Half is too lenient: with free alignment, unrelated English text
 * matches about half its characters by chance.
 */
const TAIL_RATE = 0.8;

/** Characters to cut from the end of `span`: minimises errors(kept) − 0.8 × cut over cuts that split no word. */
function cutTail(quote: string, span: string): number {
  const d = distancesToPrefixes(quote, span);
  const n = span.length;
  let bestJ = n;
  let best = d[n] as number;
  for (let j = n - 1; j >= 1; j--) {
    if (midWord(span, j)) continue;
    const v = (d[j] as number) - TAIL_RATE * (n - j);
    if (v < best) {
      best = v;
      bestJ = j;
    }
  }
  return n - bestJ;
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/** Context at least this similar pins the edge on its side. */
const PIN_SIMILARITY = 0.75;
/** A span that ends (starts) with this many characters of the quote's own end (start) is pinned there. */
const PIN_QUOTE_EDGE = 6;

/**
 * For every x in [from, to]: the edit distance of `context` against the best run of
 * text ending at x (free start). One DP over the window instead of one per x.
 */
function contextEndProfile(context: string, text: string, from: number, to: number): Uint32Array {
  const m = context.length;
  const w0 = Math.max(0, from - m - Math.ceil(m / 2));
  const n = to - w0;
  let prev = new Uint32Array(n + 1);
  let cur = new Uint32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const pc = context.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = (prev[j - 1] as number) + (text.charCodeAt(w0 + j - 1) === pc ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev.subarray(from - w0, to - w0 + 1);
}

/** Where, within `reach` of `at`, the prefix best matches the text before; undefined if nowhere well. */
function pinStart(text: string, prefix: string, at: number, lo: number, hi: number): number | undefined {
  if (prefix.length === 0) return at === 0 ? 0 : undefined;
  const prof = contextEndProfile(prefix, text, lo, hi);
  return bestOf(prof, lo, at, prefix.length);
}

function pinEnd(text: string, suffix: string, at: number, lo: number, hi: number): number | undefined {
  if (suffix.length === 0) return at === text.length ? at : undefined;
  // The suffix read backwards must end where the span ends: profile on the reversed text.
  const rev = reverse(text.slice(lo, Math.min(text.length, hi + suffix.length * 2)));
  const n = rev.length;
  // x in text ↔ n − (x − lo) in rev.
  const revLo = n - (hi - lo);
  const prof = contextEndProfile(reverse(suffix), rev, revLo, n);
  const at2 = n - (at - lo);
  const r = bestOf(prof, revLo, at2, suffix.length);
  return r === undefined ? undefined : lo + (n - r);
}

function bestOf(prof: Uint32Array, base: number, at: number, m: number): number | undefined {
  let best = Infinity;
  let where = at;
  for (let k = 0; k < prof.length; k++) {
    const d = prof[k] as number;
    const x = base + k;
    if (d < best || (d === best && Math.abs(x - at) < Math.abs(where - at))) {
      best = d;
      where = x;
    }
  }
  return 1 - best / m >= PIN_SIMILARITY ? where : undefined;
}

export interface Edges {
  start: number;
  end: number;
  errors: number;
}

/**
 * Moves a start that splits a word to the nearer whole-word edge (keeping the word
 * if most of it is inside), then restores or drops leading punctuation so the span
 * begins like the quote: with a word, or with the quote's own opening characters.
 */
function fixStart(text: string, quote: string, prefix: string, s: number, e: number): number {
  const quoteSplitsWord = isWordChar(quote[0]) && isWordChar(prefix[prefix.length - 1]);
  if (!quoteSplitsWord && midWord(text, s)) {
    let back = s;
    while (back > 0 && isWordChar(text[back - 1])) back--;
    let fwd = s;
    while (fwd < e && isWordChar(text[fwd])) fwd++;
    s = fwd - s >= s - back ? back : fwd;
  }
  const lead = /^[^\p{L}\p{N}]*/u.exec(quote)?.[0] ?? '';
  if (lead.length > 0) {
    if (!text.startsWith(lead, s) && s >= lead.length && text.startsWith(lead, s - lead.length)) s -= lead.length;
  } else {
    while (s < e && !isWordChar(text[s])) s++;
  }
  return s;
}

/** The mirror of fixStart for the end of the span. */
function fixEnd(text: string, quote: string, suffix: string, s: number, e: number): number {
  const quoteSplitsWord = isWordChar(quote[quote.length - 1]) && isWordChar(suffix[0]);
  if (!quoteSplitsWord && midWord(text, e)) {
    let fwd = e;
    while (fwd < text.length && isWordChar(text[fwd])) fwd++;
    let back = e;
    while (back > s && isWordChar(text[back - 1])) back--;
    if (e - back >= fwd - e) e = fwd;
    else e = back;
  }
  const trail = /[^\p{L}\p{N}]*$/u.exec(quote)?.[0] ?? '';
  if (trail.length > 0) {
    if (!text.endsWith(trail, e) && text.startsWith(trail, e)) e += trail.length;
  } else {
    while (e > s && !isWordChar(text[e - 1])) e--;
  }
  return e;
}

export function repairEdges(text: string, quote: string, prefix: string, suffix: string, start: number, end: number, errors: number): Edges | undefined {
  const reach = Math.min(64, errors + 8);
  let s = start;
  let e = end;
  const edge = Math.min(PIN_QUOTE_EDGE, quote.length);

  // 1. Pin each edge by its context, or by the quote's own first/last characters.
  let endPinned = text.endsWith(quote.slice(quote.length - edge), e);
  if (!endPinned && suffixSimilarity(suffix, text, e) < 1) {
    const x = pinEnd(text, suffix, e, Math.max(s + 1, e - reach), Math.min(text.length, e + reach));
    if (x !== undefined) {
      e = x;
      endPinned = true;
    }
  } else endPinned = true;
  let startPinned = text.startsWith(quote.slice(0, edge), s);
  if (!startPinned && prefixSimilarity(prefix, text, s) < 1) {
    const x = pinStart(text, prefix, s, Math.max(0, s - reach), Math.min(e - 1, s + reach));
    if (x !== undefined) {
      s = x;
      startPinned = true;
    }
  } else startPinned = true;

  // 2 and 3 for the sides nothing pins.
  if (!endPinned) {
    e -= cutTail(quote, text.slice(s, e));
    e = fixEnd(text, quote, suffix, s, e);
  }
  if (!startPinned) {
    s += cutTail(reverse(quote), reverse(text.slice(s, e)));
    s = fixStart(text, quote, prefix, s, e);
  }
  // A quote within one block is not found across two: keep the larger piece.
  if (!quote.includes('\n')) {
    const first = text.indexOf('\n', s);
    if (first !== -1 && first < e) {
      const last = text.lastIndexOf('\n', e - 1);
      if (first - s >= e - (last + 1)) e = first;
      else s = last + 1;
    }
  }
  if (e <= s) return undefined;
  if (s === start && e === end) return { start, end, errors };
  return { start: s, end: e, errors: distancesToPrefixes(quote, text.slice(s, e))[e - s] as number };
}

// Finds the places in the text where a stored quote could now be, and measures how
// well each one fits: quote similarity and the similarity of each side's context.

import search from 'approx-string-match';
import type { TextQuoteSelector } from '../model/types';
import { prefixSimilarity, suffixSimilarity } from './similarity';
import { distancesToPrefixes, repairEdges } from './trim';

export type CandidateMethod = 'position' | 'quote' | 'fuzzy';

export interface Candidate {
  start: number;
  end: number;
  /** 1 − edit distance / quote length. */
  quote: number;
  prefix: number;
  suffix: number;
  method: CandidateMethod;
  /** The span reads as the quote with its head (or tail) cut off and little else changed. */
  cut?: 'head' | 'tail';
  /**
   * A side whose stored context reads verbatim up to a paragraph break that the text has too: what
   * follows the break was replaced (a paragraph inserted or removed there), the side itself was not edited.
   */
  intactToBreak?: 'prefix' | 'suffix';
}

/** The lowest quote similarity a candidate may have: at most a quarter of the quote's characters edited. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Quotes shorter than this are only matched exactly: two errors in seven characters is another word. */
export const MIN_FUZZY_LENGTH = 8;
/** Beyond this many verbatim occurrences the quote says nothing on its own; context must decide. */
const MAX_EXACT_OCCURRENCES = 1000;

/**
 * Below this length a quote ("said the agreement in", a name) says little about
 * where it is: the same words stand in many sentences, so it must be intact and
 * both sides of its context must agree closely (at most 4 edits in 32 characters).
 */
export const SHORT_QUOTE = 32;
const SHORT_QUOTE_CONTEXT = 0.875;
/** A part (quote, prefix, suffix) below this similarity counts as edited. */
export const INTACT = 0.95;
/** A side at least this similar was edited lightly (a word or two), not rewritten. */
const LIGHTLY_EDITED = 0.75;
/** A side this similar still resembles the stored context (a long word changed in 32 characters), though it was edited. */
const RECOGNISABLE = 0.6;
/** In a quote this long, one changed word (up to 7% of it) still counts as intact. */
const LONG_QUOTE = 64;
const LONG_QUOTE_INTACT = 0.93;
/** Stored context shorter than this (the quote was near the start or end of the text) confirms too little. */
const MIN_INFORMATIVE_CONTEXT = 24;

/**
 * Good enough on its own: at most one thing happened to it. One edit is what sites
 * do: a word changed in the passage, a sentence removed before it, a paragraph
 * inserted after it, or a sentence removed across its edge (which cuts the quote
 * and its context on that side at once, and counts once). Two separate edits
 * (an edited quote and an edited side) are just what a look-alike sentence looks
 * like, so we refuse. A side whose stored context is (nearly) empty, at the start
 * or end of the text, counts as edited: text inserted at the top puts anything
 * at offset 0.
 */
export function plausible(c: Candidate, sel: TextQuoteSelector): boolean {
  if (c.quote < MIN_QUOTE_SIMILARITY) return false;
  const prefix = sel.prefix.length >= MIN_INFORMATIVE_CONTEXT ? c.prefix : 0;
  const suffix = sel.suffix.length >= MIN_INFORMATIVE_CONTEXT ? c.suffix : 0;
  if (sel.exact.length < SHORT_QUOTE) {
    // A word or a figure ("4", "Putin") is mostly context: the quote intact, one
    // side intact and the other barely edited (both intact under 16 characters).
    const weakest = sel.exact.length < SHORT_QUOTE / 2 ? INTACT : SHORT_QUOTE_CONTEXT;
    return c.quote >= INTACT && Math.max(prefix, suffix) >= INTACT && Math.min(prefix, suffix) >= weakest;
  }
  const quoteEdited = c.quote < (sel.exact.length >= LONG_QUOTE ? LONG_QUOTE_INTACT : INTACT);
  const prefixEdited = prefix < INTACT;
  const suffixEdited = suffix < INTACT;
  const edited = (quoteEdited ? 1 : 0) + (prefixEdited ? 1 : 0) + (suffixEdited ? 1 : 0);
  if (edited <= 1) return true;
  // An intact quote with both sides still recognisable (a word changed on each side).
  if (!quoteEdited && Math.min(prefix, suffix) >= LIGHTLY_EDITED) return true;
  // A cut across one edge: that side's context gone, the quote short of its head
  // (or tail) but otherwise intact, the other side intact.
  // The cut side must have had context to lose: at the text's start or end there is no evidence of a cut.
  if (edited === 2 && quoteEdited && c.cut === 'head') return !suffixEdited && sel.prefix.length >= MIN_INFORMATIVE_CONTEXT;
  if (edited === 2 && quoteEdited && c.cut === 'tail') return !prefixEdited && sel.suffix.length >= MIN_INFORMATIVE_CONTEXT;
  return false;
}

/**
 * Could be the passage with one side of its surroundings rewritten: one
 * informative side intact and a quote at least as close as the best place's
 * (intact, if the best place's quote is). If such a place exists besides the
 * best one, the best one is not sure enough.
 */
export function contender(c: Candidate, sel: TextQuoteSelector, best: Candidate): boolean {
  if (plausible(c, sel)) return true;
  // When the winner rests on one side only (the other stored side too short to
  // say anything), any intact copy of the quote elsewhere is as good a guess.
  const bestOneSided = sel.prefix.length < MIN_INFORMATIVE_CONTEXT || sel.suffix.length < MIN_INFORMATIVE_CONTEXT;
  if (bestOneSided && c.quote >= INTACT && best.quote >= INTACT) return true;
  // An intact quote needs only one side that still resembles the stored context.
  const side = c.quote >= INTACT ? LIGHTLY_EDITED : INTACT;
  const oneSide =
    (sel.prefix.length >= MIN_INFORMATIVE_CONTEXT && c.prefix >= side) || (sel.suffix.length >= MIN_INFORMATIVE_CONTEXT && c.suffix >= side);
  // An intact quote with a recognisable side and the other side intact up to a paragraph break
  // is the passage with a word changed before it and a paragraph inserted after it (or the mirror):
  // two edits, so not plausible, but as likely the passage as any look-alike that now has its context.
  const other = c.intactToBreak === 'suffix' ? c.prefix : c.intactToBreak === 'prefix' ? c.suffix : 0;
  const brokenSide = c.quote >= INTACT && other >= RECOGNISABLE;
  return (oneSide || brokenSide) && c.quote >= MIN_QUOTE_SIMILARITY && c.quote >= Math.min(INTACT, best.quote);
}

export function scoreOf(c: Candidate): number {
  return c.quote + (c.prefix + c.suffix) / 4;
}

/** The best score a candidate can reach (perfect quote and context). */
export const MAX_SCORE = 1.5;

/** Shortest stretch of context before a break that says the side is the stored one, not chance. */
const MIN_CONTEXT_TO_BREAK = 8;

/** The side whose stored context reads verbatim from the quote's edge up to a paragraph break the text has at the same place. */
function intactToBreak(text: string, sel: TextQuoteSelector, start: number, end: number): 'prefix' | 'suffix' | undefined {
  const cut = sel.suffix.indexOf('\n');
  if (cut >= MIN_CONTEXT_TO_BREAK && text.startsWith(sel.suffix.slice(0, cut + 1), end)) return 'suffix';
  const from = sel.prefix.lastIndexOf('\n');
  if (from === -1 || sel.prefix.length - from - 1 < MIN_CONTEXT_TO_BREAK) return undefined;
  const tail = sel.prefix.slice(from);
  return start >= tail.length && text.startsWith(tail, start - tail.length) ? 'prefix' : undefined;
}

export function withContext(text: string, sel: TextQuoteSelector, start: number, end: number, quote: number, method: CandidateMethod): Candidate {
  const prefix = prefixSimilarity(sel.prefix, text, start);
  const suffix = suffixSimilarity(sel.suffix, text, end);
  const c: Candidate = { start, end, quote, prefix, suffix, method };
  const side = prefix < 1 || suffix < 1 ? intactToBreak(text, sel, start, end) : undefined;
  if (side) c.intactToBreak = side;
  return c;
}

/** Start offsets of every occurrence of `needle`, up to `limit`. */
export function occurrences(text: string, needle: string, limit = MAX_EXACT_OCCURRENCES): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let i = text.indexOf(needle); i !== -1 && found.length < limit; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Exact occurrences of the quote, each scored by its context. */
export function exactCandidates(text: string, sel: TextQuoteSelector): Candidate[] {
  return occurrences(text, sel.exact).map((s) => withContext(text, sel, s, s + sel.exact.length, 1, 'quote'));
}

/** The text with the given spans replaced by a character no quote contains. */
function blank(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    const from = Math.max(at, s.start);
    out += text.slice(at, from) + '\u0000'.repeat(s.end - from);
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * Approximate occurrences of the quote (Myers' bit-parallel matcher from
 * approx-string-match), excluding the spans already known (the exact ones).
 *
 * The matcher reports only the lowest-cost matches. To see whether another place
 * comes close (a look-alike sentence), we blank the best ones and search again:
 * the runner-up is what the ambiguity rule needs.
 */
export function fuzzyCandidates(text: string, sel: TextQuoteSelector, known: ReadonlyArray<Candidate>): Candidate[] {
  const q = sel.exact;
  if (q.length < MIN_FUZZY_LENGTH) return [];
  const maxErrors = Math.floor(q.length * (1 - MIN_QUOTE_SIMILARITY));
  const found: Candidate[] = [];
  let masked = blank(text, known);
  const rounds = known.length > 0 ? 1 : 2;
  for (let round = 0; round < rounds; round++) {
    const matches = search(masked, q, maxErrors);
    if (matches.length === 0) break;
    for (const m of matches) {
      const c = withContext(text, sel, m.start, m.end, 1 - m.errors / q.length, 'fuzzy');
      found.push(refineEdges(text, sel, c, m.errors));
    }
    masked = blank(masked, matches);
  }
  return found;
}

/** Puts the span's edges where the passage's edges are (see trim.ts), then rescores it. */
function refineEdges(text: string, sel: TextQuoteSelector, c: Candidate, errors: number): Candidate {
  if (c.prefix === 1 && c.suffix === 1) return c;
  const r = repairEdges(text, sel.exact, sel.prefix, sel.suffix, c.start, c.end, errors);
  if (!r) return { ...c, quote: 0 };
  const fixed = r.start === c.start && r.end === c.end ? c : withContext(text, sel, r.start, r.end, 1 - r.errors / sel.exact.length, 'fuzzy');
  const cut = cutKind(sel.exact, text.slice(fixed.start, fixed.end));
  // A removed sentence leaves a sentence boundary at the cut; a look-alike whose
  // first (last) words differ leaves the rest of its own sentence there instead.
  if (cut === 'head' && !/(^|[.!?:;"”’)\]\n])\s*$/.test(text.slice(Math.max(0, fixed.start - 8), fixed.start))) return fixed;
  if (cut === 'tail' && !/^\s*($|\n)/.test(text.slice(fixed.end, fixed.end + 8)) && !/[.!?:;"”’)\]]$/.test(text.slice(fixed.start, fixed.end)))
    return fixed;
  return cut ? { ...fixed, cut } : fixed;
}

/** Edits allowed in the rest of a quote whose head or tail was cut off, relative to what remains. */
const CUT_REMAINDER_EDITS = 0.05;

/** Whether `span` is the quote minus its head (or tail), give or take a few edits. */
function cutKind(quote: string, span: string): 'head' | 'tail' | undefined {
  if (span.length === 0 || span.length >= quote.length) return undefined;
  const allowed = Math.floor(span.length * CUT_REMAINDER_EDITS);
  // ed(span, quote[k..]) for the best k: reverse both, the quote's reversed prefixes.
  const head = distancesToPrefixes(reverse(span), reverse(quote));
  const tail = distancesToPrefixes(span, quote);
  const best = (d: Uint32Array) => {
    let m = Infinity;
    for (let j = span.length - allowed; j < d.length; j++) if ((d[j] as number) < m) m = d[j] as number;
    return m;
  };
  if (best(head) <= allowed) return 'head';
  if (best(tail) <= allowed) return 'tail';
  return undefined;
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

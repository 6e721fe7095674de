// Re-anchoring: finds where a stored annotation's passage is in today's text, or
// says it cannot be found (an orphan) rather than guessing.
//
// Order of attempts, cheapest first:
//   1. the whole needle (prefix + quote + suffix) occurs exactly once: done
//      (method 'position' when it is where the position selector says);
//   2. every verbatim occurrence of the quote, scored by its context;
//   3. approximate occurrences of the quote (bounded edit distance), scored by
//      quote similarity and context.
// A candidate is accepted only if it is plausible on its own (candidates.ts:
// a close quote, and at most one of quote / prefix / suffix edited; short
// quotes need both sides nearly intact) and no other place is a contender (a
// plausible place, or one with its quote and one side of context intact).
// anchorAll then settles the undecided ones between the neighbours it anchored
// for sure. See README.md for the numbers and why.

import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model/types';
import {
  type Candidate,
  type CandidateMethod,
  MAX_SCORE,
  INTACT,
  contender,
  plausible,
  exactCandidates,
  fuzzyCandidates,
  occurrences,
  scoreOf,
} from './candidates';
import { type OffsetConverter, offsetConverter, positionToUtf16 } from './codepoints';

export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; confidence: number; method: CandidateMethod }
  | { status: 'orphan'; confidence: number; best?: { start: number; end: number } };


interface Examination {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
  /** Set when the whole needle occurs exactly once: no judgement needed. */
  sure?: Candidate;
  candidates: Candidate[];
}

/** The quote and position selectors, the position in UTF-16 units. */
function selectorsOf(
  selectors: ReadonlyArray<Selector>,
  converter: () => OffsetConverter,
): { quote?: TextQuoteSelector; position?: TextPositionSelector } {
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector') quote ??= s;
    else position ??= s;
  }
  if (position && position.unit === 'codepoint') position = positionToUtf16(position, '', converter());
  return { quote, position };
}

/** Builds the text's offset converter on first use only: few annotations store code points. */
function lazyConverter(text: string): () => OffsetConverter {
  let c: OffsetConverter | undefined;
  return () => (c ??= offsetConverter(text));
}

function examine(text: string, quote: TextQuoteSelector, position: TextPositionSelector | undefined): Examination {
  const exam: Examination = { quote, position, candidates: [] };
  const needle = quote.prefix + quote.exact + quote.suffix;
  const hits = occurrences(text, needle, 2);
  if (hits.length === 1) {
    // The quote with all its stored context (32+ characters each side, grown at
    // creation until unique) occurs once: nothing else can claim to be the passage.
    const start = (hits[0] as number) + quote.prefix.length;
    const method = position && position.start === start ? 'position' : 'quote';
    exam.sure = { start, end: start + quote.exact.length, quote: 1, prefix: 1, suffix: 1, method };
    exam.candidates = [exam.sure];
    return exam;
  }
  const exact = exactCandidates(text, quote);
  // Two verbatim copies with identical context: no approximate match can break that tie.
  const perfect = exact.filter((c) => c.prefix === 1 && c.suffix === 1).length;
  exam.candidates = perfect >= 2 ? exact : exact.concat(fuzzyCandidates(text, quote, exact));
  return exam;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

interface Verdict {
  best?: Candidate;
  accepted: boolean;
}

/**
 * Picks the best-scoring plausible candidate and accepts it only if no other
 * place is a contender. A place with its quote and one side intact can be the
 * true passage whose other side was edited, while the best place is a copy that
 * took over its surroundings; nothing in the text can tell, so we refuse.
 * Implausible places (two separate edits) do not count, however well they score,
 * except that an edited quote is contested by an intact copy of the quote.
 */
function decide(candidates: ReadonlyArray<Candidate>, sel: TextQuoteSelector): Verdict {
  let best: Candidate | undefined;
  let hint: Candidate | undefined;
  for (const c of candidates) {
    if (!hint || scoreOf(c) > scoreOf(hint)) hint = c;
    if (plausible(c, sel) && (!best || scoreOf(c) > scoreOf(best))) best = c;
  }
  if (!best) return { best: hint, accepted: false };
  const b = best;
  for (const c of candidates) {
    if (c === b || overlaps(c, b)) continue;
    if (contender(c, sel, b)) return { best, accepted: false };
    // An edited quote is contested by the whole quote, intact, anywhere else.
    if (b.quote < INTACT && c.quote >= INTACT) return { best, accepted: false };
  }
  return { best, accepted: true };
}

function anchored(c: Candidate): AnchorResult {
  return { status: 'anchored', start: c.start, end: c.end, confidence: round(scoreOf(c) / MAX_SCORE), method: c.method };
}

function orphan(best: Candidate | undefined): AnchorResult {
  return best
    ? { status: 'orphan', confidence: round(scoreOf(best) / MAX_SCORE), best: { start: best.start, end: best.end } }
    : { status: 'orphan', confidence: 0 };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Re-anchors one annotation on `text` (the article's flat text). */
export function anchor(text: string, selectors: ReadonlyArray<Selector>): AnchorResult {
  const { quote, position } = selectorsOf(selectors, lazyConverter(text));
  if (!quote || quote.exact.length === 0) return orphan(undefined);
  const exam = examine(text, quote, position);
  if (exam.sure) return anchored(exam.sure);
  const v = decide(exam.candidates, quote);
  return v.accepted && v.best ? anchored(v.best) : orphan(v.best);
}

interface Fixed {
  oldStart: number;
  newStart: number;
}

/**
 * Re-anchors many annotations of one article at once. Annotations whose whole
 * needle is unique are anchored first; they then vouch for the expected position
 * of the others (text keeps its order between two anchored neighbours), which
 * settles look-alikes that context alone cannot tell apart.
 */
export function anchorAll(text: string, annotations: ReadonlyArray<{ selectors: ReadonlyArray<Selector> }>): AnchorResult[] {
  const exams: (Examination | undefined)[] = [];
  const fixed: Fixed[] = [];
  const converter = lazyConverter(text);
  for (const a of annotations) {
    const { quote, position } = selectorsOf(a.selectors, converter);
    if (!quote || quote.exact.length === 0) {
      exams.push(undefined);
      continue;
    }
    const exam = examine(text, quote, position);
    exams.push(exam);
    if (exam.sure && position) fixed.push({ oldStart: position.start, newStart: exam.sure.start });
  }
  fixed.sort((a, b) => a.oldStart - b.oldStart);

  return exams.map((exam) => {
    if (!exam) return orphan(undefined);
    if (exam.sure) return anchored(exam.sure);
    const global = decide(exam.candidates, exam.quote);
    if (global.accepted && global.best) return anchored(global.best);
    if (!exam.position || fixed.length === 0) return orphan(global.best);

    const old = exam.position.start;
    const i = lastAtOrBefore(fixed, old);
    const prev = i >= 0 ? fixed[i] : undefined;
    const next = fixed[i + 1];
    // Text keeps its order: the passage lies between where its anchored
    // neighbours are now. Look-alikes outside that window drop out of the race;
    // the winner must still be plausible on its own.
    const lo = prev ? prev.newStart : 0;
    const hi = next ? next.newStart : text.length;
    const inWindow = exam.candidates.filter((c) => c.start >= lo && c.start <= hi);
    const local = decide(inWindow, exam.quote);
    return local.accepted && local.best ? anchored(local.best) : orphan(global.best);
  });
}

/** Index of the last entry with oldStart ≤ x, or −1. */
function lastAtOrBefore(fixed: ReadonlyArray<Fixed>, x: number): number {
  let lo = 0;
  let hi = fixed.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((fixed[mid] as Fixed).oldStart <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}


// Scoring one system's answers against the tracked truth.
//
// Definitions (also in lib/anchor/README.md):
// - A passage "still exists" when its current text (the span between its tracked
//   boundaries) is non-empty and within 25% edit distance of the original
//   passage. Otherwise it was removed or changed beyond recognition.
// - An answer is "correct" when it is anchored with its start inside the tracked
//   start interval and its end inside the tracked end interval (a point unless an
//   edit replaced text right at the passage's edge), give or take whitespace and
//   punctuation only (a span that gains or loses ". " or an opening quotation mark
//   at an edge is the same passage; one that gains or loses a letter is not), or
//   when it is an orphan for a passage that no longer exists.
// - An answer is a "wrong anchor" when it is anchored anywhere else: onto other
//   text, or onto part of the passage, or the passage plus some of its neighbours.
// - Recovery = correct anchors / passages that still exist.

import { editDistance } from '../../lib/anchor/similarity';
import type { Truth } from './passages';

export const EXISTS_BOUND = 0.25;

export type Answer = { start: number; end: number } | null;

export interface Tally {
  total: number;
  existing: number;
  recovered: number;
  orphans: number;
  orphansOfExisting: number;
  wrong: number;
  timeMs: number;
}

export function emptyTally(): Tally {
  return { total: 0, existing: 0, recovered: 0, orphans: 0, orphansOfExisting: 0, wrong: 0, timeMs: 0 };
}

export function stillExists(original: string, text: string, t: Truth): boolean {
  if (t.endHi <= t.startLo) return false;
  const widest = text.slice(t.startLo, t.endHi);
  const narrowest = t.startHi < t.endLo ? text.slice(t.startHi, t.endLo) : '';
  const d = Math.min(editDistance(original, widest), narrowest ? editDistance(original, narrowest) : Infinity);
  return d <= EXISTS_BOUND * original.length;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `x` lies in [lo, hi], or only whitespace and punctuation separate it from that interval. */
function edgeOk(text: string, x: number, lo: number, hi: number): boolean {
  if (x >= lo && x <= hi) return true;
  const gap = x < lo ? text.slice(x, lo) : text.slice(hi, x);
  return !WORD_CHAR.test(gap);
}

export function score(tally: Tally, exists: boolean, truth: Truth, answer: Answer, text: string): 'recovered' | 'orphan' | 'wrong' {
  tally.total++;
  if (exists) tally.existing++;
  if (!answer) {
    tally.orphans++;
    if (exists) tally.orphansOfExisting++;
    return 'orphan';
  }
  const onPassage =
    answer.end > answer.start && edgeOk(text, answer.start, truth.startLo, truth.startHi) && edgeOk(text, answer.end, truth.endLo, truth.endHi);
  if (!onPassage) {
    tally.wrong++;
    return 'wrong';
  }
  if (exists) tally.recovered++;
  return 'recovered';
}

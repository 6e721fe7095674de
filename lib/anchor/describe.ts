// Turns a span of the article's flat text into the selectors we store.

import type { TextPositionSelector, TextQuoteSelector } from '../model/types';

/** Context kept on each side of the quote, at least (the W3C examples and Hypothesis use 32). */
export const MIN_CONTEXT = 32;
/** Context never grows beyond this, even when the passage repeats verbatim. */
export const MAX_CONTEXT = 256;

/**
 * Selectors for `text[start, end)`: a quote with at least 32 characters of context
 * each side (fewer only at the text's ends) and the position in UTF-16 units.
 *
 * When the quote with 32 characters of context occurs more than once in the text
 * (boilerplate, a pull quote repeating a sentence), the context grows until the
 * whole needle is unique or reaches MAX_CONTEXT, so that re-anchoring can tell
 * the copies apart later.
 */
export function describe(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
    throw new RangeError(`describe: bad span [${start}, ${end}) for a text of ${text.length} units`);
  }
  const s = avoidSplitPair(text, start);
  const e = avoidSplitPair(text, end);
  const exact = text.slice(s, e);
  let context = MIN_CONTEXT;
  let prefix = '';
  let suffix = '';
  for (;;) {
    prefix = text.slice(avoidSplitPair(text, Math.max(0, s - context)), s);
    suffix = text.slice(e, avoidSplitPair(text, Math.min(text.length, e + context)));
    const needle = prefix + exact + suffix;
    const atEnds = s - prefix.length === 0 && e + suffix.length === text.length;
    if (atEnds || context >= MAX_CONTEXT || isUnique(text, needle)) break;
    context *= 2;
  }
  return [
    { type: 'TextQuoteSelector', exact, prefix, suffix },
    { type: 'TextPositionSelector', start: s, end: e, unit: 'utf16' },
  ];
}

function isUnique(text: string, needle: string): boolean {
  const first = text.indexOf(needle);
  return first === -1 || text.indexOf(needle, first + 1) === -1;
}

/** Moves an offset that falls between the halves of a surrogate pair back to the pair's start. */
function avoidSplitPair(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff ? offset - 1 : offset;
}

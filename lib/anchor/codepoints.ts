// Offsets in the article's flat text are stored in UTF-16 code units (what the DOM
// and JavaScript strings speak). The W3C model counts Unicode code points, so
// exports convert with these functions and imports convert back.

import type { TextPositionSelector } from '../model/types';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Converts offsets between the two units for one text. Building it scans the text
 * once; each conversion is then a binary search over the astral characters, so
 * exporting many annotations of one article stays linear.
 */
export interface OffsetConverter {
  /** UTF-16 offset → code point offset. An offset inside a surrogate pair counts as the pair's start. */
  toCodepoint(utf16: number): number;
  /** Code point offset → UTF-16 offset. Offsets past the end clamp to the text's length. */
  toUtf16(codepoint: number): number;
}

export function offsetConverter(text: string): OffsetConverter {
  // UTF-16 offsets of the high surrogate of every well-formed pair, ascending.
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairs.push(i);
      i++;
    }
  }
  const length = text.length;
  const codepointLength = length - pairs.length;

  /** Number of pairs whose high surrogate sits strictly before `utf16`. */
  function pairsBefore(utf16: number): number {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((pairs[mid] as number) < utf16) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  return {
    toCodepoint(utf16: number): number {
      const u = Math.max(0, Math.min(length, utf16));
      // An offset between the two halves of a pair counts the pair as before it,
      // which maps it onto the pair's own code point index.
      return u - pairsBefore(u);
    },
    toUtf16(codepoint: number): number {
      const c = Math.max(0, Math.min(codepointLength, codepoint));
      // Each pair before the target adds one extra unit; find how many by search
      // on the code point offset of each pair (pairs[i] - i).
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((pairs[mid] as number) - mid < c) lo = mid + 1;
        else hi = mid;
      }
      return c + lo;
    },
  };
}

export function utf16ToCodepoint(text: string, utf16: number): number {
  return offsetConverter(text).toCodepoint(utf16);
}

export function codepointToUtf16(text: string, codepoint: number): number {
  return offsetConverter(text).toUtf16(codepoint);
}

/** The selector in code points (for export); unchanged if it already is. */
export function positionToCodepoints(
  sel: TextPositionSelector,
  text: string,
  converter: OffsetConverter = offsetConverter(text),
): TextPositionSelector {
  if (sel.unit === 'codepoint') return sel;
  return { type: 'TextPositionSelector', start: converter.toCodepoint(sel.start), end: converter.toCodepoint(sel.end), unit: 'codepoint' };
}

/** The selector in UTF-16 units (for import and anchoring); unchanged if it already is. */
export function positionToUtf16(
  sel: TextPositionSelector,
  text: string,
  converter: OffsetConverter = offsetConverter(text),
): TextPositionSelector {
  if (sel.unit === 'utf16') return sel;
  return { type: 'TextPositionSelector', start: converter.toUtf16(sel.start), end: converter.toUtf16(sel.end), unit: 'utf16' };
}

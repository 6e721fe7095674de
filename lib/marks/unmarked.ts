// The article text as the extractor sees it: the same text, offset for offset, with the parts
// Lede indexes but does not mark blanked out. The headline is one: it stays in the text index
// (a reader may highlight it, and highlights there re-anchor), but it is the article's title,
// shown as such in the popup and the library, not article text to mark. The reference article
// text (`expected.html`, Readability's extraction) leaves headlines out, so their marks counted
// as outside the article; the names in a headline recur in the body. A short preamble before the
// headline (kicker, section label, breadcrumbs) goes with it: it is page furniture, not text.
import type { TextIndex } from '../page/text-index';

/** `text` with the characters of `[start, end)` turned to spaces, line breaks kept: offsets and block boundaries unchanged. */
export function blankSpan(text: string, start: number, end: number): string {
  if (end <= start) return text;
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/** The flat span of an element's indexed text, or null when none of it is indexed. */
export function elementSpan(index: Pick<TextIndex, 'text' | 'fromPosition'>, el: Element): { start: number; end: number } | null {
  const start = index.fromPosition(el, 0);
  if (start === null) return null;
  const end = index.fromPosition(el, el.childNodes.length) ?? index.text.length;
  return end > start ? { start, end } : null;
}

/**
 * How far into the article text a headline may start for what comes before it to count as its
 * preamble (a kicker, a section label, breadcrumbs) rather than article text: a short stretch.
 */
export const MAX_PREAMBLE_CHARS = 400;

/**
 * The text to extract marks from: the index's text with the headline blanked, and with it what
 * stands before it when that is short (a kicker such as "World · Diplomacy", which the tagger
 * reads as an organisation; a section label; breadcrumbs).
 */
export function textToMark(index: Pick<TextIndex, 'text' | 'fromPosition'>, headline: Element | null): string {
  const span = headline ? elementSpan(index, headline) : null;
  if (!span) return index.text;
  return blankSpan(index.text, span.start <= MAX_PREAMBLE_CHARS ? 0 : span.start, span.end);
}

// The article text as the extractor sees it: the same text, offset for offset, with the parts
// Lede indexes but does not mark blanked out. The headline is one: it stays in the text index
// (a reader may highlight it, and highlights there re-anchor), but it is the article's title,
// shown as such in the popup and the library, not article text to mark. The reference article
// text (`expected.html`, Readability's extraction) leaves headlines out, so their marks counted
// as outside the article; the names in a headline recur in the body.
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

/** The text to extract marks from: the index's text with each unmarked element's text blanked. */
export function textToMark(index: Pick<TextIndex, 'text' | 'fromPosition'>, unmarked: ReadonlyArray<Element | null>): string {
  let text = index.text;
  for (const el of unmarked) {
    const span = el ? elementSpan(index, el) : null;
    if (span) text = blankSpan(text, span.start, span.end);
  }
  return text;
}

// The article text as the extractor sees it: the same text, offset for offset, with the parts
// Lede indexes but does not mark blanked out. The headline is one: it stays in the text index
// (a reader may highlight it, and highlights there re-anchor), but it is the article's title,
// shown as such in the popup and the library, not article text to mark. The reference article
// text (`expected.html`, Readability's extraction) leaves headlines out, so their marks counted
// as outside the article; the names in a headline recur in the body. A short preamble before the
// headline (kicker, section label, breadcrumbs) goes with it: it is page furniture, not text.
// So do the photo credits in captions and the publication stamps (see credits.ts).
import type { TextIndex } from '../page/text-index';
import { creditSpans, isStamp } from './credits';

/**
 * `text` with the characters of every span of `spans` turned to spaces, line breaks kept: offsets
 * and block boundaries unchanged. Spans may overlap and come in any order.
 */
export function blankSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    out += text.slice(at, from) + text.slice(from, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
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
 * reads as an organisation; a section label; breadcrumbs); the photo credits in the caption blocks
 * `captions` ("© Munir uz Zaman, AFP", "Benoit Tessier/Reuters"); and lines that are only a
 * publication stamp ("Latest update : 2015-05-12").
 */
export function textToMark(index: Pick<TextIndex, 'text' | 'fromPosition'>, headline: Element | null, captions: readonly Element[] = []): string {
  const text = index.text;
  const spans: Array<{ start: number; end: number }> = [];
  const head = headline ? elementSpan(index, headline) : null;
  if (head) spans.push({ start: head.start <= MAX_PREAMBLE_CHARS ? 0 : head.start, end: head.end });
  for (const caption of captions) {
    const span = elementSpan(index, caption);
    if (!span) continue;
    forEachLine(text, span.start, span.end, (from, to) => {
      for (const credit of creditSpans(text.slice(from, to))) spans.push({ start: from + credit.start, end: from + credit.end });
    });
  }
  forEachLine(text, 0, text.length, (from, to) => {
    // Stamps are short: only short lines are tried.
    if (to - from <= 80 && isStamp(text.slice(from, to))) spans.push({ start: from, end: to });
  });
  return blankSpans(text, spans);
}

/** Calls fn with each line's [from, to) within [start, end) of text (lines end at newlines). */
function forEachLine(text: string, start: number, end: number, fn: (from: number, to: number) => void): void {
  let from = start;
  while (from < end) {
    const nl = text.indexOf('\n', from);
    const to = nl === -1 || nl > end ? end : nl;
    if (to > from) fn(from, to);
    from = to + 1;
  }
}

import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { buildTextIndex } from '../page/text-index';
import { blankSpan, elementSpan, textToMark } from './unmarked';

function page(body: string): Document {
  return new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;
}

describe('textToMark', () => {
  it('blanks the headline and keeps every other offset and line break', () => {
    const doc = page('<article><h1>Putin meets <b>Xi</b> in Beijing</h1><p>Vladimir Putin met Xi Jinping on Tuesday.</p></article>');
    const index = buildTextIndex(doc.querySelector('article')!);
    const text = textToMark(index, doc.querySelector('h1'));
    expect(text.length).toBe(index.text.length);
    expect(text).toBe(`${' '.repeat('Putin meets Xi in Beijing'.length)}\nVladimir Putin met Xi Jinping on Tuesday.`);
    expect(text.indexOf('Vladimir')).toBe(index.text.indexOf('Vladimir'));
  });

  it('leaves the text as it is without a headline, or when the headline is not indexed', () => {
    const doc = page('<h1>Elsewhere</h1><article><p>Vladimir Putin met Xi Jinping on Tuesday.</p></article>');
    const index = buildTextIndex(doc.querySelector('article')!);
    expect(textToMark(index, null)).toBe(index.text);
    expect(textToMark(index, doc.querySelector('h1'))).toBe(index.text);
  });

  it('blanks a short preamble before the headline (a kicker), not a long stretch of text', () => {
    const doc = page('<article><div class="kicker">World · Diplomacy</div><h1>Putin in Beijing</h1><p>Vladimir Putin met Xi Jinping.</p></article>');
    const index = buildTextIndex(doc.querySelector('article')!);
    expect(textToMark(index, doc.querySelector('h1'))).toBe(`${' '.repeat('World · Diplomacy'.length)}\n${' '.repeat('Putin in Beijing'.length)}\nVladimir Putin met Xi Jinping.`);
    const long = page(`<article><p>${'Angela Merkel spoke. '.repeat(30)}</p><h1>Putin in Beijing</h1><p>Vladimir Putin met Xi Jinping.</p></article>`);
    const longIndex = buildTextIndex(long.querySelector('article')!);
    expect(textToMark(longIndex, long.querySelector('h1'))).toMatch(/^Angela Merkel spoke\./);
  });

  it('finds a headline at the end of the text, and one whose text is split across elements', () => {
    const doc = page('<article><p>First.</p><h1><span>Last</span> <i>words</i></h1></article>');
    const index = buildTextIndex(doc.querySelector('article')!);
    expect(elementSpan(index, doc.querySelector('h1')!)).toEqual({ start: 'First.\n'.length, end: index.text.length });
  });
});

describe('blankSpan', () => {
  it('turns characters into spaces, surrogate pairs into two, line breaks stay', () => {
    expect(blankSpan('ab\n😀c', 0, 5)).toBe('  \n  c');
    expect(blankSpan('abc', 2, 1)).toBe('abc');
  });
});

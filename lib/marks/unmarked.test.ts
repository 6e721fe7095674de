import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { buildTextIndex } from '../page/text-index';
import { blankSpans, elementSpan, textToMark } from './unmarked';

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

describe('blankSpans', () => {
  it('turns characters into spaces, surrogate pairs into two, line breaks stay', () => {
    expect(blankSpans('ab\n😀c', [{ start: 0, end: 5 }])).toBe('  \n  c');
    expect(blankSpans('abc', [{ start: 2, end: 1 }])).toBe('abc');
  });
});

describe('textToMark: credits and stamps', () => {
  it('blanks the photo credit of a caption, keeps its description and every offset', () => {
    const doc = page(
      '<article><h1>Blogger killed</h1><p class="modification">Latest update : 2015-05-12</p><figure><img alt=""><figcaption>© Munir uz Zaman, AFP | Police investigate the scene in Dhaka</figcaption></figure><p>A blogger was killed in Dhaka on Tuesday. Photo: a caption-like phrase in prose stays.</p></article>',
    );
    const index = buildTextIndex(doc.querySelector('article')!);
    const text = textToMark(index, doc.querySelector('h1'), [doc.querySelector('figcaption')!]);
    expect(text.length).toBe(index.text.length);
    const lines = text.split('\n');
    expect(lines[1]!.trim()).toBe('');
    expect(lines[2]).toBe(`${' '.repeat('© Munir uz Zaman, AFP'.length)} | Police investigate the scene in Dhaka`);
    expect(lines[3]).toBe('A blogger was killed in Dhaka on Tuesday. Photo: a caption-like phrase in prose stays.');
  });

  it('reads credits only in the caption blocks it is given', () => {
    const doc = page('<article><p>Benoit Tessier/Reuters</p></article>');
    const index = buildTextIndex(doc.querySelector('article')!);
    expect(textToMark(index, null, [])).toBe(index.text);
    expect(textToMark(index, null, [doc.querySelector('p')!]).trim()).toBe('');
  });
});

describe('blankSpans with several spans', () => {
  it('blanks overlapping and unsorted spans once, offsets unchanged', () => {
    expect(blankSpans('abcdef\ngh', [{ start: 4, end: 8 }, { start: 1, end: 3 }, { start: 2, end: 5 }])).toBe('a     \n h');
    expect(blankSpans('abc', [])).toBe('abc');
  });
});

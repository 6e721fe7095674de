import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, type Extraction, type Span } from './index.ts';

function checkSpans(text: string, spans: Span[]): void {
  let prevEnd = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.start).toBeLessThan(s.end);
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    prevEnd = s.end;
  }
}

function checkAll(text: string, x: Extraction): void {
  checkSpans(text, x.sentences);
  checkSpans(text, x.entities);
  checkSpans(text, x.figures);
  for (const e of x.entities) expect(e.text).toBe(text.slice(e.start, e.end));
  for (const f of x.figures) expect(f.text).toBe(text.slice(f.start, f.end));
  for (const f of x.facts) {
    expect(f.sentence.start).toBeLessThanOrEqual(f.figure.start);
    expect(f.sentence.end).toBeGreaterThanOrEqual(f.figure.end);
  }
}

const newsy = fc.array(
  fc.oneof(
    fc.constantFrom('Xi', 'Jinping', 'Putin', 'U.S.', 'Gov.', 'Jan.', '$1.2bn', '€3m', '15', 'per', 'cent', '1,000', '3.5%', 'two-thirds', 'a', 'dozen', 'the', '1990s', 'last', 'Tuesday', 'China-Russia', '’s', '"', '—', '(', ')', '.', ',', '\n', 'May', '2024', 'over', '20'),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
  ),
  { maxLength: 60 },
).map((ws) => ws.join(' '));

describe('extract on arbitrary input', () => {
  it('never throws, keeps spans in bounds, sorted and non-overlapping', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), newsy), (text) => {
        checkAll(text, extract(text));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(newsy, (text) => {
        expect(extract(text)).toEqual(extract(text));
      }),
      { numRuns: 100 },
    );
  });

  it('handles the empty string', () => {
    expect(extract('')).toEqual({ sentences: [], entities: [], figures: [], facts: [] });
  });

  it('handles a 1 MB string', () => {
    // News sentences between long runs of unspaced mixed script, lone surrogates and controls.
    const para = 'Trade between China and Russia reached 244.8 billion U.S. dollars in 2024, Xi Jinping told Vladimir Putin on Tuesday. ';
    const junk = '\u{1F600}\u0000\uD800漢字テキストÄÖÜßñ\u200B\u202E'.repeat(40);
    let text = '';
    let i = 0;
    while (text.length < 1_000_000) text += para + (i++ % 3 === 0 ? `\n${junk} ` : '');
    const x = extract(text);
    checkAll(text, x);
    expect(x.entities.length).toBeGreaterThan(1000);
  }, 120_000);
});

// Number and date words come from page text: words that name properties of every JavaScript object
// ('constructor', 'toString', '__proto__', 'valueOf') must read as ordinary unknown words.

import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';
import { normaliseFigure } from './normalise.ts';
import { parseNumber, parseOrdinal } from './numbers.ts';

const PROTOTYPE_WORDS = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

describe('object property names in number and date text', () => {
  it('are not number, fraction, multiplier or ordinal words', () => {
    for (const w of PROTOTYPE_WORDS) {
      expect(parseNumber(w), w).toBeNull();
      expect(parseNumber(`two ${w}`), w).toBe(2);
      expect(parseNumber(`3 ${w} million`), w).toBe(3);
      expect(parseOrdinal(w), w).toBeNull();
      expect(parseOrdinal(`twenty ${w}`), w).toBeNull();
    }
  });

  it('are not months, weekdays or duration units', () => {
    for (const w of PROTOTYPE_WORDS) {
      expect(normaliseFigure('DATE', `${w} 2024`), w).toEqual({ value: '2024' });
      expect(normaliseFigure('DATE', `five ${w}`), w).toEqual({ value: null });
      expect(normaliseFigure('CARDINAL', `two ${w}`), w).toEqual({ value: 2 });
    }
  });

  it('give no figures and do not throw in extract()', () => {
    const r = extract('constructor toString __proto__ valueOf');
    expect(r.figures).toEqual([]);
    for (const w of PROTOTYPE_WORDS) {
      const text = `On ${w} 3, ${w} rose two ${w} to 5 ${w} in ${w} 2024, the ${w} time in ${w} years.`;
      const { figures } = extract(text);
      for (const f of figures) {
        expect(typeof f.value === 'number' || typeof f.value === 'string' || f.value === null, f.text).toBe(true);
        expect(String(f.value), f.text).not.toMatch(/object|function|NaN/);
      }
    }
  });
});

describe('parseNumber', () => {
  it('reads bare numerals as the word-by-word reading does', () => {
    expect(parseNumber('3')).toBe(3);
    expect(parseNumber('2.5')).toBe(2.5);
    expect(parseNumber('007')).toBe(7);
    expect(parseNumber('0.1234567891234')).toBe(0.123456789);
    expect(parseNumber('9'.repeat(400))).toBeNull();
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber(' 3 ')).toBe(3);
  });

  it('does not add up numerals in digits that follow each other: a range or a code is not a sum', () => {
    expect(parseNumber('3-4')).toBe(3);
    expect(parseNumber('10–15')).toBe(10);
    expect(parseNumber('2015-13-40')).toBe(2015);
    // Number words and multipliers still build one number.
    expect(parseNumber('twenty-five')).toBe(25);
    expect(parseNumber('1 million 200 thousand')).toBe(1_200_000);
    expect(parseNumber('3 1/2')).toBe(3.5);
  });

  it('reads written fractions, not dates or names that look like one', () => {
    expect(parseNumber('3/4')).toBe(0.75);
    expect(parseNumber('5/16')).toBe(0.3125);
    expect(parseNumber('9/11')).toBeNull();
    expect(parseNumber('24/7')).toBeNull();
    expect(parseNumber('2023/24')).toBeNull();
  });
});

// Number words and numerals in news text: "244.8 billion", "two-thirds", "a dozen", "1,200", "3m".

import { isRegexSpace } from './chars.ts';

// Maps, not plain objects: the words come from page text, and `w in {}` is true for 'constructor',
// 'toString' or '__proto__'.
function words(entries: Record<string, number>): ReadonlyMap<string, number> {
  return new Map(Object.entries(entries));
}

const UNITS = words({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, dozen: 12, dozens: 12, score: 20, both: 2, single: 1, couple: 2, pair: 2,
});

const MULTIPLIERS = words({
  hundred: 100, hundreds: 100, thousand: 1e3, thousands: 1e3, k: 1e3, million: 1e6, millions: 1e6, m: 1e6, mn: 1e6, mln: 1e6,
  billion: 1e9, billions: 1e9, bn: 1e9, b: 1e9, bln: 1e9, trillion: 1e12, trillions: 1e12, tn: 1e12, trn: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
});

const FRACTIONS = words({
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
});

const ORDINALS = words({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18,
  nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80,
  ninetieth: 90, hundredth: 100, thousandth: 1000, millionth: 1e6, last: -1,
});

const ORDINAL_UNITS = words({ first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9 });

/**
 * Lower-cased words split at spaces, hyphens and dashes, and between a digit and a letter ("3m"):
 * what `.split(/[\s-]+|(?<=\d)(?=[a-z])/)` gives, without the regex (numbers are parsed for every figure).
 */
export function splitWords(s: string): string[] {
  const t = s.toLowerCase();
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isRegexSpace(c) || c === 45 || (c >= 0x2010 && c <= 0x2015)) {
      if (i > start) out.push(t.slice(start, i));
      start = i + 1;
    } else if (i > start && c >= 97 && c <= 122) {
      const p = t.charCodeAt(i - 1);
      if (p >= 48 && p <= 57) {
        out.push(t.slice(start, i));
        start = i;
      }
    }
  }
  if (start < t.length) out.push(t.slice(start));
  return out;
}

const PLAIN_NUMERAL = /^\d+(?:\.\d+)?$/;

/** Denominators of written fractions: halves to tenths, twelfths, sixteenths, … hundredths, thousandths. */
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 20, 25, 32, 50, 64, 100, 1000]);

/** Amounts that name no number: "a few years" is not one year, nor "a few hundred" a hundred. */
const VAGUE = /\b(?:few|several)\b/i;

/** Parses a numeral or number-word phrase; returns null when no number is there. */
export function parseNumber(phrase: string): number | null {
  // Most figures are a bare numeral ("3", "1996", "2.5"); the loop below would read it the same.
  if (PLAIN_NUMERAL.test(phrase)) {
    const v = Number(phrase);
    return Number.isFinite(v) ? Math.round(v * 1e9) / 1e9 : null;
  }
  if (VAGUE.test(phrase)) return null;
  const words = splitWords(phrase.replace(/,(?=\d{3}\b)/g, ''));
  let total = 0;
  let current = 0;
  let seen = false;
  let numerator = 0;
  // The last word read was a numeral in digits: another right after it is a second number (the
  // end of a range, "3-4 years"; a code, "2015-13-40"), not a part to add as number words are.
  let afterDigits = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/[^a-z0-9./]/g, '');
    if (w === '') continue;
    if (/^\d+(\.\d+)?$/.test(w) || /^\.\d+$/.test(w)) {
      if (afterDigits) break;
      current += Number(w);
      seen = true;
      afterDigits = true;
      continue;
    }
    afterDigits = false;
    const frac = /^(\d+)\/(\d+)$/.exec(w);
    if (frac) {
      // A proper fraction with a denominator fractions are written with ("3/4", "5/16", "1/100");
      // "2023/24" (a season), "24/7" and "9/11" are no quotient.
      const [n, d] = [Number(frac[1]), Number(frac[2])];
      if (!(n < d && FRACTION_DENOMINATORS.has(d))) return null;
      current += n / d;
      seen = true;
      continue;
    }
    if (w === 'and' && seen) continue;
    const den = FRACTIONS.get(w);
    if (den !== undefined && (seen || w === 'half')) {
      // "two-thirds", "a third", "half"
      const base = seen ? current : 1;
      if (w === 'half' && !seen) {
        current = 0.5;
        seen = true;
        continue;
      }
      numerator = base;
      current = numerator / den;
      seen = true;
      continue;
    }
    const v = UNITS.get(w);
    if (v !== undefined) {
      // "a dozen", "two dozen", "a couple": the article counts one of them, not one more.
      if (w === 'dozen' || w === 'dozens' || w === 'couple' || w === 'pair') current = (current || 1) * v;
      else if ((w === 'a' || w === 'an') && seen) break;
      else current += v;
      seen = true;
      continue;
    }
    const mult = MULTIPLIERS.get(w);
    if (mult !== undefined && seen) {
      if (mult === 100) current *= 100;
      else {
        total += current * mult;
        current = 0;
      }
      continue;
    }
    if (seen) break;
  }
  if (!seen) return null;
  const v = total + current;
  return Number.isFinite(v) ? Math.round(v * 1e9) / 1e9 : null;
}

export function parseOrdinal(phrase: string): number | null {
  const m = /(\d+)(?:st|nd|rd|th)\b/i.exec(phrase);
  if (m) return Number(m[1]);
  const words = splitWords(phrase);
  let tens = 0;
  for (const w of words) {
    const v = ORDINALS.get(w);
    if (v !== undefined) {
      if (v < 0) return null;
      return tens && ORDINAL_UNITS.has(w) ? tens + v : v;
    }
    const u = UNITS.get(w);
    if (u !== undefined && u >= 20) tens = u;
  }
  return null;
}

// Which sentences can hold a figure: any digit, or a word that starts or ends figures in news
// (numbers, months, weekdays, time words). The figures tagger skips the rest; measured on the
// OntoNotes dev set this loses no figures while skipping a large share of sentences.

import type { Doc } from './features.ts';
import { hashString } from './hash.ts';

const WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen',
  'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds',
  'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'dozen', 'dozens', 'half', 'quarter', 'quarters', 'third', 'thirds',
  'first', 'second', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'last', 'next', 'few', 'several', 'single', 'both', 'once', 'twice',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend', 'weekends',
  'today', 'tonight', 'yesterday', 'tomorrow', 'now', 'recently', 'ago', 'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days',
  'decade', 'decades', 'century', 'centuries', 'hour', 'hours', 'minute', 'minutes', 'second', 'seconds', 'morning', 'mornings', 'afternoon',
  'evening', 'night', 'nights', 'noon', 'midnight', 'dawn', 'spring', 'summer', 'autumn', 'fall', 'winter', 'season', 'annual', 'annually',
  'yearly', 'monthly', 'weekly', 'daily', 'quarterly', 'fiscal', 'period', 'era', 'age', 'times', 'time', 'percent', 'per', 'cent', 'pct',
  'midday', 'lunchtime', 'moment', 'periods', 'percentage', 'zero', 'none', 'dollars', 'dollar', 'cents', 'yen', 'euros', 'pounds', 'yuan', 'lunch', 'dinner', 'christmas', 'easter', 'eve',
];

const LOOKUP = new Set(WORDS);

/**
 * Lower-case word hashes (as Doc.hL holds them) of a word list: a token whose hash is not among
 * them cannot be one of the words, so most tokens are ruled out without building a string.
 */
function hashesOf(words: Iterable<string>): Set<number> {
  return new Set([...words].map(hashString));
}
const LOOKUP_HASHES = hashesOf(LOOKUP);

/** Whether token i can be part of or next to a figure: a digit, a number or time word, a currency sign. */
export function isFigureTrigger(d: Doc, i: number): boolean {
  const { text } = d;
  const s = d.toks.starts[i]!;
  const e = d.toks.ends[i]!;
  const c = text.charCodeAt(s);
  if (c >= 48 && c <= 57) return true;
  if (e - s > 11) return false;
  // A number class is set exactly when the token holds an ASCII digit.
  if (d.num[i] !== 0) return true;
  if (LOOKUP_HASHES.has(d.hL[i]!) && LOOKUP.has(text.slice(s, e).toLowerCase())) return true;
  // Currency signs and the like.
  return c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5 || c === 37;
}

export function sentenceMayHoldFigures(d: Doc, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isFigureTrigger(d, i)) return true;
  return false;
}

/**
 * Whether token i can be part of or next to a name: it has an upper-case letter or a non-ASCII
 * character. (Digits are not needed: a name's digits sit next to its capitals, "Schalke 04".)
 */
export function isNameTrigger(d: Doc, i: number): boolean {
  const { text } = d;
  const e = d.toks.ends[i]!;
  for (let j = d.toks.starts[i]!; j < e; j++) {
    const c = text.charCodeAt(j);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

/**
 * The stretches of the sentences [a, b) that lie within `margin` tokens of a trigger token, merged,
 * in order (a sentence without triggers contributes nothing); and a per-token mask of them.
 */
export function windowsAround(d: Doc, sents: Array<[number, number]>, trigger: (d: Doc, i: number) => boolean, margin: number): { ranges: Array<[number, number]>; mask: Uint8Array } {
  const ranges: Array<[number, number]> = [];
  const mask = new Uint8Array(d.n);
  for (const [a, b] of sents) {
    let from = -1;
    let to = -1;
    for (let i = a; i < b; i++) {
      if (!trigger(d, i)) continue;
      const s = Math.max(a, i - margin);
      const e = Math.min(b, i + margin + 1);
      if (from >= 0 && s <= to) to = Math.max(to, e);
      else {
        if (from >= 0) ranges.push([from, to]);
        from = s;
        to = e;
      }
    }
    if (from >= 0) ranges.push([from, to]);
  }
  for (const [s, e] of ranges) mask.fill(1, s, e);
  return { ranges, mask };
}

const ENGLISH = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'on', 'with', 'as', 'it', 'by', 'at', 'from', 'his', 'her', 'has', 'have', 'are', 'were', 'be', 'this', 'which', 'said', 'an', 'or', 'but', 'not', 'their', 'they', 'he', 'she', 'its', 'will', 'would', 'had', 'been', 'who']);
// Frequent function words of other languages our readers meet (German, French, Spanish, Italian, Dutch, Portuguese).
const OTHER = new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'mit', 'von', 'zu', 'den', 'auf', 'für', 'sich', 'dem', 'auch', 'wird', 'le', 'les', 'et', 'est', 'une', 'dans', 'pour', 'que', 'qui', 'pas', 'sur', 'au', 'du', 'avec', 'ce', 'sont', 'el', 'los', 'las', 'y', 'por', 'con', 'una', 'del', 'para', 'es', 'il', 'di', 'che', 'per', 'non', 'sono', 'della', 'het', 'een', 'van', 'niet', 'zijn', 'não', 'uma', 'com', 'os']);

const FUNCTION_HASHES = hashesOf([...ENGLISH, ...OTHER]);

/**
 * Whether a document reads as English: the taggers were trained on English news and flood other
 * languages with false names, so pages dominated by another language's function words get figures
 * only. Text with few function words of any language (headlines, results tables) counts as English.
 */
export function looksEnglish(d: Doc): boolean {
  let words = 0;
  let english = 0;
  let other = 0;
  const { text } = d;
  const { starts, ends } = d.toks;
  for (let i = 0; i < d.n && words < 5000; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    const c = text.charCodeAt(s);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 127)) continue;
    words++;
    if (e - s > 6 || !FUNCTION_HASHES.has(d.hL[i]!)) continue;
    const w = text.slice(s, e).toLowerCase();
    if (ENGLISH.has(w)) {
      english++;
      // Decided: even if every word left were another language's, "other" could not pass twice "english".
      if (2 * english >= other + Math.min(d.n - i - 1, 5000 - words)) return true;
    } else if (OTHER.has(w)) other++;
  }
  return !(other >= words * 0.05 && other > english * 2);
}

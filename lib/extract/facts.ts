// Key facts: the figures worth showing a reader, what each measures, when, and who is involved.

import { isRegexSpace } from './chars.ts';
import type { Entity, Fact, Figure, Span } from './types.ts';

const TYPE_WEIGHT: Record<string, number> = { MONEY: 3, PERCENT: 3, QUANTITY: 2.5, CARDINAL: 2, ORDINAL: 1.5, DATE: 2 };
const MAX_PER_SENTENCE = 3;

const TRAILING = /\s+(?:reached|rose|fell|grew|was|were|is|are|totaled|totalled|totals|hit|to|at|by|of|from|for|increased|decreased|climbed|dropped|stood|amounted|came|worth|about|some|nearly|almost|more|than|over|up|down|jumped|slid|gained|lost|posted|reported|raised|cut|earned|reach|rise|fall|grow|be|been|has|have|had|will|would|could|by|an|a|the|of|estimated|around|roughly|exceeded|topped|surpassed|hitting|reaching|at|just|only|with|and|spent|spend|costs?|paid|pay|received|receive|valued|value|worth)$/i;
/** A currency sign left before a plain amount, which OntoNotes keeps outside the figure ("for $" of "for $16"). */
const TRAILING_SIGN = /\s*(?:[A-Z]{0,3}\$|[€£¥₹]|\bRs\.?)$/;
const LEADING = /^(?:and|but|while|making|with|which|that|as|so|bringing|taking|putting|leaving|giving|keeping|after|before|when|since|although|though|because)\s+/i;

function clauseBefore(text: string, sentence: Span, at: number): string {
  let s = text.slice(sentence.start, at);
  const cut = Math.max(s.lastIndexOf(', '), s.lastIndexOf('; '), s.lastIndexOf(' — '), s.lastIndexOf(': '), s.lastIndexOf(' – '));
  if (cut >= 0) s = s.slice(cut + 2);
  s = s.trim();
  for (let i = 0; i < 6; i++) {
    const next = s.replace(TRAILING_SIGN, '').replace(TRAILING, '').trim();
    if (next === s) break;
    s = next;
  }
  for (let i = 0; i < 3; i++) s = s.replace(LEADING, '');
  return s.trim();
}

function clauseAfter(text: string, sentence: Span, at: number): string {
  let s = text.slice(at, sentence.end);
  const stop = s.search(/[,;:.!?]\s|[,;:.!?]$|\s[—–]\s/);
  if (stop >= 0) s = s.slice(0, stop);
  s = s.trim().replace(/^(?:of\s+)?(?:the|his|her|their|its|our|your|this|that)\s+/i, '');
  if (s.length > 160) s = s.slice(0, 160).replace(/\s+\S*$/, '');
  return s;
}

/** The text after a percentage that says what it is a share of. */
const SHARE_OF = /^\s+of\s/;

/** A clause that ends in a possessive ("Amazon's", "the company’s"). */
const POSSESSIVE_END = /['’]s?$/;

/** The phrase after a figure, without a hyphenated rate glued to it ("-a-year shipping program" is "shipping program"). */
function nounAfter(text: string, sentence: Span, at: number): string {
  return clauseAfter(text, sentence, at).replace(/^-(?:a|an|per)-\S+\s+/i, '').replace(/^-/, '');
}

function lowerFirst(s: string, entities: Entity[], at: number): string {
  if (!s) return s;
  if (entities.some((e) => e.start === at)) return s;
  if (/^[A-Z][a-z]/.test(s)) return s[0]!.toLowerCase() + s.slice(1);
  return s;
}

const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'after', 'before', 'during', 'since', 'until', 'will', 'would', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'than', 'as', 'not', 'also', 'just', 'only', 'about', 'over', 'up', 'down', 'out', 'into', 'from', 'when', 'while', 'where', 'who', 'which', 'what', 'some', 'more', 'most', 'less', 'et', 'de', 'des', 'la', 'le', 'les', 'du', 'und', 'der', 'die', 'das']);

/** Calls fn with each maximal run of non-space characters [from, to) of s until it returns false. */
function eachWord(s: string, fn: (from: number, to: number) => boolean): void {
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isRegexSpace(s.charCodeAt(i))) i++;
    if (i >= s.length) return;
    let j = i + 1;
    while (j < s.length && !isRegexSpace(s.charCodeAt(j))) j++;
    if (!fn(i, j)) return;
    i = j;
  }
}

function isWordLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

/** Content words in s (two letters in a row, not a function word), counted up to `cap` (callers only compare with small numbers). */
function contentWords(s: string, cap: number): number {
  let n = 0;
  eachWord(s, (from, to) => {
    const w = s.slice(from, to).toLowerCase();
    let letters = false;
    for (let k = 1; k < w.length && !letters; k++) letters = isWordLetter(w.charCodeAt(k - 1)) && isWordLetter(w.charCodeAt(k));
    if (letters && !FUNCTION_WORDS.has(w)) n++;
    return n < cap;
  });
  return n;
}

/** Words with a letter or digit in the sentence, counted up to `cap`. */
function sentenceWords(text: string, sentence: Span, cap: number): number {
  let n = 0;
  const s = text.slice(sentence.start, sentence.end);
  eachWord(s, (from, to) => {
    for (let k = from; k < to; k++) {
      const c = s.charCodeAt(k);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        n++;
        break;
      }
    }
    return n < cap;
  });
  return n;
}

const MIN_SENTENCE_WORDS = 5;

function isCandidate(f: Figure, sentenceWords: number): boolean {
  if (sentenceWords < MIN_SENTENCE_WORDS) return false; // headlines, bylines, captions, page furniture
  if (f.type === 'DATE') return f.kind === 'duration' && typeof f.value === 'number';
  if (f.type === 'TIME') return false;
  if (f.value === null) return false;
  return f.type in TYPE_WEIGHT;
}

/**
 * The same figure measuring the same thing again ("at least 19 people" in the lede and again
 * further down) is one fact: the better-ranked one stays.
 */
function withoutRepeats(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.figure.type}|${JSON.stringify(f.figure.value)}|${f.figure.unit ?? f.figure.currency ?? ''}|${f.measures.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function buildFacts(text: string, sentences: Span[], figures: Figure[], entities: Entity[]): Fact[] {
  const facts: Fact[] = [];
  let fi = 0;
  let ei = 0;
  const nS = sentences.length;
  for (let si = 0; si < nS; si++) {
    const sentence = sentences[si]!;
    while (fi < figures.length && figures[fi]!.start < sentence.start) fi++;
    while (ei < entities.length && entities[ei]!.start < sentence.start) ei++;
    const inS: Figure[] = [];
    for (let j = fi; j < figures.length && figures[j]!.start < sentence.end; j++) inS.push(figures[j]!);
    if (inS.length === 0) continue;
    const ents: Entity[] = [];
    for (let j = ei; j < entities.length && entities[j]!.start < sentence.end; j++) ents.push(entities[j]!);
    const words = sentenceWords(text, sentence, MIN_SENTENCE_WORDS);
    const when = inS.find((f) => f.type === 'DATE' && f.kind !== 'duration' && f.value !== null);
    const local: Fact[] = [];
    for (const f of inS) {
      if (!isCandidate(f, words)) continue;
      let measures = '';
      if (f.type === 'ORDINAL') measures = clauseAfter(text, sentence, f.end);
      else if (f.type === 'CARDINAL' || f.type === 'QUANTITY') measures = f.unit ?? clauseAfter(text, sentence, f.end);
      else {
        const before = clauseBefore(text, sentence, f.start);
        // "…, accounting for 15 percent of its gross domestic product": a share says what of.
        const shareOf = f.type === 'PERCENT' && contentWords(before, 2) < 2 && SHARE_OF.test(text.slice(f.end, sentence.end));
        if (shareOf) measures = clauseAfter(text, sentence, f.end);
        // "Amazon's $119-a-year shipping program": after a possessive the figure qualifies the noun that follows.
        else if (before && !POSSESSIVE_END.test(before)) measures = lowerFirst(before, ents, text.indexOf(before, sentence.start));
        else measures = nounAfter(text, sentence, f.end);
      }
      // A lone function word ("but", "after") is not a description; fall back to the phrase after.
      const described = contentWords(measures, 2);
      if (described < 1 || (f.type === 'DATE' && described < 2)) {
        const after = clauseAfter(text, sentence, f.end);
        measures = contentWords(after, 1) >= 1 ? after : '';
      }
      let score = (TYPE_WEIGHT[f.type] ?? 1) + (1 - si / Math.max(1, nS));
      if ((f.type === 'CARDINAL' || f.type === 'ORDINAL') && typeof f.value === 'number' && f.value <= 2) score -= 1.5;
      if (f.type === 'CARDINAL' && !f.unit) score -= 0.5;
      if (!measures) score -= 1;
      const rounded = Math.round(score * 1000) / 1000;
      // Two literals rather than a spread: the same keys in the same order, without the slow path.
      local.push(when && when !== f ? { figure: f, measures, when, entities: ents, sentence, score: rounded } : { figure: f, measures, entities: ents, sentence, score: rounded });
    }
    local.sort((a, b) => b.score - a.score);
    facts.push(...local.slice(0, MAX_PER_SENTENCE));
  }
  facts.sort((a, b) => b.score - a.score || a.figure.start - b.figure.start);
  return withoutRepeats(facts);
}

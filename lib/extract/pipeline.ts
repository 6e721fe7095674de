// The extraction pipeline over a loaded model bundle: tokens -> two taggers -> spans -> values, keys, facts.

import { tagsToSpans } from './bilou.ts';
import type { ModelBundle } from './codec.ts';
import { FIGURE_TYPES, NAME_TYPES } from './corpus.ts';
import { classLookup } from './clusters.ts';
import { buildFacts } from './facts.ts';
import { isNotAName } from './not-names.ts';
import { applyClusters, phraseHash, prepareDoc, wordPhraseHash, type Doc } from './features.ts';
import { gazLookup } from './gazetteer.ts';
import { assignKeys } from './keys.ts';
import { decodeScored } from './linear.ts';
import { isFigureTrigger, isNameTrigger, looksEnglish, windowsAround } from './gate.ts';
import { normaliseFigure } from './normalise.ts';
import { DEFAULT_FIGURE_RULES, refineFigures, signBefore } from './refine.ts';
import type { Entity, EntityType, Extraction, Figure, FigureType, Span } from './types.ts';

/**
 * "China-Russia" or "China Russia's" tagged as one name is two places when every part is known
 * only as a place and the whole is not a known name.
 */
function splitJoinedPlaces(doc: Doc, a: number, b: number, type: number, bundle: ModelBundle, out: Array<[number, number, number]>): void {
  const LOC_ONLY = 1 << 2;
  if (b - a >= 2 && b - a <= 5 && bundle.gazetteer.get(phraseHash(doc, a, b)) < 0) {
    const parts: number[] = [];
    let ok = true;
    for (let i = a; i < b && ok; i++) {
      const s = doc.toks.starts[i]!;
      if (doc.toks.ends[i]! - s === 1 && doc.text.charCodeAt(s) === 45) continue;
      if (bundle.gazetteer.get(mixPhrase(doc, i)) === LOC_ONLY) parts.push(i);
      else ok = false;
    }
    if (ok && parts.length >= 2) {
      for (const i of parts) out.push([i, i + 1, 2]);
      return;
    }
  }
  out.push([a, b, type]);
}

const TITLES = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'president', 'prime', 'minister', 'senator', 'sen.', 'rep.', 'gov.', 'governor', 'judge', 'king', 'queen', 'pope', 'general', 'gen.', 'sir', 'dame', 'lord', 'lady', 'prof.', 'professor', 'chancellor']);

/** CoNLL names carry no titles: "Mr Obama" is "Obama". Returns the first token of the name proper. */
function dropTitle(doc: Doc, a: number, b: number, type: number): number {
  let s = a;
  while (type === 0 && b - s > 1 && TITLES.has(doc.text.slice(doc.toks.starts[s]!, doc.toks.ends[s]!).toLowerCase())) s++;
  return s;
}

/**
 * A name starts at a word's start: a token glued to a letter or digit before it is the rest of
 * that word ("4K TV" is "4" "K" "TV"; the tagger made "K TV" a name). Returns the first token of
 * the name proper (e when none is left).
 */
function withinWord(doc: Doc, s: number, e: number): number {
  const { starts, ends } = doc.toks;
  const text = doc.text;
  while (s < e && s > 0 && ends[s - 1] === starts[s] && /[\p{L}\p{N}]/u.test(text[starts[s]! - 1]!)) s++;
  return s;
}

/**
 * "X." as one token: the tokeniser keeps an initial's stop ("George W. Bush"). At the end of a
 * sentence the stop is the sentence's ("the Xbox One X."), and the name ends before it.
 */
function isInitialWithStop(text: string, s: number, e: number): boolean {
  if (e - s !== 2 || text.charCodeAt(s + 1) !== 46) return false;
  const c = text.charCodeAt(s);
  return c >= 65 && c <= 90;
}

function mixPhrase(doc: Doc, i: number): number {
  return phraseHash(doc, i, i + 1);
}

/** The token that starts at character `at`, or -1 (tokens are sorted by start). */
function tokenAt(doc: Doc, at: number): number {
  const starts = doc.toks.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = starts[mid]!;
    if (v === at) return mid;
    if (v < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const COORDINATED = /^(.+?) (and|or) (.+)$/;
const CAPITALISED = /^\p{Lu}/u;

/**
 * "Alibaba and Yahoo Japan", "Google or Facebook": the tagger joined two names around a
 * conjunction. Unless the whole is a known name ("Trinidad and Tobago", "Securities and Exchange
 * Commission" stay whole), "or" between two capitalised parts makes two, and "and" does when one
 * part is a name of its own, named so elsewhere in the document or known to the gazetteer
 * ("Northern Pacific and Bering Sea"). Each part takes the type it has elsewhere.
 */
function splitCoordinated(entities: Entity[], doc: Doc, bundle: ModelBundle): void {
  // Most documents have no such span: nothing to build then.
  if (!entities.some((e) => COORDINATED.test(e.text))) return;
  const typeOf = new Map<string, EntityType>();
  for (const e of entities) if (!COORDINATED.test(e.text)) typeOf.set(e.text, e.type);
  // Whether the tokens that make up characters [from, to) are a phrase the gazetteer knows.
  const inGazetteer = (from: number, to: number): boolean => {
    const a = tokenAt(doc, from);
    if (a < 0) return false;
    let b = a;
    while (b < doc.n && doc.toks.ends[b]! <= to) b++;
    return b > a && doc.toks.ends[b - 1] === to && bundle.gazetteer.get(phraseHash(doc, a, b)) >= 0;
  };
  const known = (from: number, to: number, text: string): boolean => typeOf.has(text) || inGazetteer(from, to);
  for (let k = 0; k < entities.length; k++) {
    const e = entities[k]!;
    const m = COORDINATED.exec(e.text);
    if (!m || inGazetteer(e.start, e.end)) continue;
    const left = m[1]!;
    const right = m[3]!;
    const rightStart = e.end - right.length;
    // Names hardly ever hold "or"; many hold "and", so one part must be known as a name by itself.
    const leftKnown = known(e.start, e.start + left.length, left);
    const rightKnown = known(rightStart, e.end, right);
    if (m[2] === 'and' ? !leftKnown && !rightKnown : !CAPITALISED.test(left) || !CAPITALISED.test(right)) continue;
    entities.splice(
      k,
      1,
      { start: e.start, end: e.start + left.length, text: left, type: typeOf.get(left) ?? e.type, key: '' },
      { start: rightStart, end: e.end, text: right, type: typeOf.get(right) ?? e.type, key: '' },
    );
    k++;
  }
}

/**
 * How many times more mentions a name's majority type needs before its other mentions take it.
 * Measured on CoNLL testa: 1 (any majority) 0.9275 -> 0.9269, 2 -> 0.9277, 3 -> 0.9279, 5 no change;
 * a bare majority overrules real double uses ("Leeds" the club and the city in one report).
 */
const MAJORITY = 3;

/**
 * One name, one type per document: a minority type for the same text gives way to a clear
 * majority ("Whole Foods" five times ORG and once LOC is an organisation throughout, one entry in
 * the popup, one colour on the page).
 */
function harmoniseTypes(entities: Entity[]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const e of entities) {
    let v = votes.get(e.text);
    if (!v) votes.set(e.text, (v = new Map()));
    v.set(e.type, (v.get(e.type) ?? 0) + 1);
  }
  for (const e of entities) {
    const v = votes.get(e.text)!;
    if (v.size < 2) continue;
    let best = e.type;
    for (const [t, n] of v) if (n > (v.get(best) ?? 0)) best = t;
    if ((v.get(best) ?? 0) > MAJORITY * (v.get(e.type) ?? 0)) e.type = best;
  }
}

const MISC_ONLY = 1 << 3;
/** How the singular of a people's name ends ("Kenyan", "Israeli", "Briton", "Afghan"); team names ("Reds", "Cardinals", "Yankees") end otherwise. */
const DEMONYM_SINGULAR = /(?:an|i|on)s$/;

/**
 * A people's plural ("Tunisians", "Kenyans", "Britons") is MISC, as CoNLL writes it: the tagger,
 * which saw most of them in the singular, read them as people, organisations or places. The rule
 * takes a one-word name ending in -ans, -is or -ons whose text less its final "s" the gazetteer
 * knows only as MISC; other endings are mostly teams ("Reds", "Cardinals", "Yankees": ORG in CoNLL).
 */
function demonymPlurals(entities: Entity[], bundle: ModelBundle): void {
  for (const e of entities) {
    if (e.type === 'MISC' || e.end - e.start < 4 || e.text.charCodeAt(e.text.length - 1) !== 115 || e.text.includes(' ') || !DEMONYM_SINGULAR.test(e.text)) continue;
    if (bundle.gazetteer.get(wordPhraseHash(e.text, 0, e.text.length - 1)) === MISC_ONLY) e.type = 'MISC';
  }
}

/** "Morris W. Travers", "Dana F. Besecker": a first name, a middle initial and a surname. */
const INITIALLED_NAME = /^\p{Lu}[\p{Ll}'’-]+ \p{Lu}\. \p{Lu}[\p{Ll}'’-]+$/u;

/**
 * A name written as first name, middle initial and surname is a person's; the tagger made
 * "Morris W. Travers" an organisation (citylab-1).
 */
function initialledPeople(entities: Entity[]): void {
  for (const e of entities) if (e.type !== 'PER' && INITIALLED_NAME.test(e.text)) e.type = 'PER';
}

/** Numbers written with a slash that name no number; other slashed numbers (OntoNotes' "6/2") stay. */
const SLASHED_IDIOMS = new Set(['9/11', '24/7']);

/** Tokens either side of a trigger that each tagger decodes (see PipelineOptions). */
const NAME_WINDOW = 2;
const FIGURE_WINDOW = 5;

export interface PipelineOptions {
  /** Give every mention of the same name the document's type when it has more than three times the mentions of another (default on; see MAJORITY). */
  consistentTypes?: boolean;
  /** Figure span rules as bits (1 merge qualifier-only spans, 2 extend over qualifiers, 4 currency signs, 8 bare years, 16 money and scales written together: "$1.2bn"); 0 for none. */
  figureRules?: number;
  /**
   * The names tagger decodes only tokens within this many tokens of an upper-case letter or non-ASCII
   * character, the rest are O (default 2; Infinity: every token). Measured: names F1 on CoNLL testa
   * 0.9268 with every token, 0.9270 with the window; 46% of testa's tokens skipped.
   */
  nameWindow?: number;
  /**
   * The figures tagger decodes only tokens within this many tokens of a digit, number or time word or
   * currency sign (default 5; Infinity: every sentence holding one). Measured: figures F1 on
   * OntoNotes dev 0.8986 with every such sentence, 0.8979 with the window; 45% of testa's tokens skipped.
   */
  figureWindow?: number;
}

export function runExtraction(text: string, bundle: ModelBundle, options: PipelineOptions = {}): Extraction {
  const doc = prepareDoc(text, gazLookup(bundle.gazetteer));
  applyClusters(doc, classLookup(bundle.clusters));
  const sentences: Span[] = doc.sents.map(([a, b]) => ({ start: doc.toks.starts[a]!, end: doc.toks.ends[b - 1]! }));
  const english = looksEnglish(doc);
  const noNames = { ranges: [], mask: new Uint8Array(doc.n) };
  const nameWindow = options.nameWindow ?? NAME_WINDOW;
  const names = !english ? noNames : nameWindow === Infinity ? { ranges: doc.sents, mask: null } : windowsAround(doc, doc.sents, isNameTrigger, nameWindow);
  const figureStretches = windowsAround(doc, doc.sents, isFigureTrigger, options.figureWindow ?? FIGURE_WINDOW);
  const v = bundle.scorer.scores(doc, [names.mask, figureStretches.mask]);
  const { stride, offsets } = bundle.packed;
  const nameTags = new Uint8Array(doc.n);
  decodeScored(bundle.nameTags, { ...doc, sents: names.ranges }, { v, stride, offset: offsets[0]! }, nameTags);
  const figTags = new Uint8Array(doc.n);
  decodeScored(bundle.figureTags, { ...doc, sents: figureStretches.ranges }, { v, stride, offset: offsets[1]! }, figTags);
  const { starts, ends } = doc.toks;
  const entities: Entity[] = [];
  const figures: Figure[] = [];
  for (let si = 0; si < doc.sents.length; si++) {
    const [a, b] = doc.sents[si]!;
    const spans: Array<[number, number, number]> = [];
    if (english) for (const [s, e, t] of tagsToSpans(nameTags, a, b)) splitJoinedPlaces(doc, dropTitle(doc, withinWord(doc, s, e), e, t), e, t, bundle, spans);
    for (const [s, e, t] of spans) {
      if (s >= e) continue;
      const start = starts[s]!;
      const end = ends[e - 1]! - (e === b && isInitialWithStop(text, starts[e - 1]!, ends[e - 1]!) ? 1 : 0);
      if (e - s === 1 && isNotAName(text.slice(start, end))) continue;
      entities.push({ start, end, text: text.slice(start, end), type: NAME_TYPES[t] as EntityType, key: '' });
    }
    const sentEnd = ends[b - 1]!;
    const raw = tagsToSpans(figTags, a, b).map(([s, e, t]): [number, number, string] => [s, e, FIGURE_TYPES[t]!]);
    for (const [s, e, t] of options.figureRules === 0 ? raw : refineFigures(doc, a, raw, options.figureRules ?? DEFAULT_FIGURE_RULES, b)) {
      const start = starts[s]!;
      const end = ends[e - 1]!;
      const ftext = text.slice(start, end);
      const type = t as FigureType;
      const v = normaliseFigure(type, ftext, text.slice(end, sentEnd), type === 'MONEY' ? signBefore(doc, s, a) : '');
      // In another language the English-trained tagger takes foreign words for figures ("sur 18"
      // as a date, a French dateline as one time); a figure whose value cannot be read is dropped.
      if (!english && v.value === null) continue;
      // "9/11" (an event), "24/7" (always): no quotient and no count.
      if (type === 'CARDINAL' && SLASHED_IDIOMS.has(ftext)) continue;
      figures.push({ start, end, text: ftext, type, ...v });
    }
  }
  if (english) demonymPlurals(entities, bundle);
  if (english) initialledPeople(entities);
  if (options.consistentTypes !== false) harmoniseTypes(entities);
  if (english) splitCoordinated(entities, doc, bundle);
  assignKeys(entities, text);
  // Fact descriptions are read with English clause heuristics.
  const facts = english ? buildFacts(text, sentences, figures, entities) : [];
  return { sentences, entities, figures, facts };
}

// Rules on the names tagger's spans: what CoNLL-2003 leaves out of a name (titles, a word's
// tail), names the tagger joined (places, names around "and"/"or"), and types the tagger got
// wrong in ways a rule sees (one type per name, peoples' plurals, initialled people). Each rule is
// measured on CoNLL testa and listed in README.md's rules table.

import type { ModelBundle } from './codec.ts';
import { phraseHash, wordPhraseHash, type Doc } from './features.ts';
import type { Entity, EntityType } from './types.ts';

/**
 * "China-Russia" or "China Russia's" tagged as one name is two places when every part is known
 * only as a place and the whole is not a known name.
 */
export function splitJoinedPlaces(doc: Doc, a: number, b: number, type: number, bundle: ModelBundle, out: Array<[number, number, number]>): void {
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

/** Titles only a person carries. */
const PERSONAL_TITLES = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.']);

/**
 * A name the tagger started with "Mr.", "Mrs.", "Ms." or "Dr." is a person's whatever type it
 * gave ("Mr. Trump" was ORG on a held-out page). Returns the type: 0 (PER) or the given one.
 */
export function personByTitle(doc: Doc, a: number, b: number, type: number): number {
  if (type === 0 || b - a < 2) return type;
  return isTitle(doc, a, PERSONAL_TITLES) ? 0 : type;
}

/** Token i is one of `titles`, standing apart from the next token ("Mr-Corr", an artist's name, has no title). */
function isTitle(doc: Doc, i: number, titles: ReadonlySet<string>): boolean {
  const { starts, ends } = doc.toks;
  return ends[i]! < starts[i + 1]! && titles.has(doc.text.slice(starts[i]!, ends[i]!).toLowerCase());
}

/** CoNLL names carry no titles: "Mr Obama" is "Obama". Returns the first token of the name proper. */
export function dropTitle(doc: Doc, a: number, b: number, type: number): number {
  let s = a;
  while (type === 0 && b - s > 1 && isTitle(doc, s, TITLES)) s++;
  return s;
}

/** Words that name a storm's kind before its name. */
const STORM_WORDS = new Set(['hurricane', 'typhoon', 'cyclone', 'storm']);
const MISC = 3;

/**
 * A named storm is MISC and its kind is no part of the name, as CoNLL-2003 has it ("Hurricane
 * Edouard": "Edouard" MISC); the tagger read "Hurricane Sandy" and "Storm Ciarán" as people.
 * Returns the name's first token and type: the kind word inside the span or just before it.
 */
export function namedStorm(doc: Doc, a: number, b: number, type: number): [number, number] {
  const { starts, ends } = doc.toks;
  const isKind = (i: number): boolean => i >= 0 && (doc.flags[i]! & 1) !== 0 && STORM_WORDS.has(doc.text.slice(starts[i]!, ends[i]!).toLowerCase());
  let s = a;
  // "Tropical Storm Debby": the kind may come with "Tropical".
  if (b - s > 2 && doc.text.slice(starts[s]!, ends[s]!) === 'Tropical' && isKind(s + 1)) s++;
  if (b - s > 1 && isKind(s)) return [s + 1, MISC];
  if (isKind(a - 1) && ends[a - 1]! < starts[a]!) return [a, MISC];
  return [a, type];
}

/**
 * A name starts at a word's start: a token glued to a letter or digit before it is the rest of
 * that word ("4K TV" is "4" "K" "TV"; the tagger made "K TV" a name). Returns the first token of
 * the name proper (e when none is left).
 */
export function withinWord(doc: Doc, s: number, e: number): number {
  const { starts, ends } = doc.toks;
  const text = doc.text;
  while (s < e && s > 0 && ends[s - 1] === starts[s] && /[\p{L}\p{N}]/u.test(text[starts[s]! - 1]!)) s++;
  return s;
}

/**
 * "X." as one token: the tokeniser keeps an initial's stop ("George W. Bush"). At the end of a
 * sentence the stop is the sentence's ("the Xbox One X."), and the name ends before it.
 */
export function isInitialWithStop(text: string, s: number, e: number): boolean {
  if (e - s !== 2 || text.charCodeAt(s + 1) !== 46) return false;
  const c = text.charCodeAt(s);
  return c >= 65 && c <= 90;
}

/** Doc.docCap bits (features.ts): capitalised mid-sentence elsewhere; at a sentence's start; in capitals. */
const CAP_ELSEWHERE = 2;
const AT_START = 8;
const IN_CAPITALS = 16;

/**
 * A one-word name opening a sentence is the common word written with a capital ("Hygiene is…",
 * "Chaos followed…", "Bars and restaurants…": PER, PER and ORG on corpus pages) when the training
 * text knows the word only in lower case (a word class for the lower-case form, none for the
 * capitalised one) and the document never capitalises it mid-sentence. Real names that are also
 * words keep their capital in the training text ("Green", "Reading", "Bury", "Apple").
 */
export function isCommonWordOpening(doc: Doc, i: number, bundle: ModelBundle): boolean {
  const evidence = doc.docCap[i]!;
  if ((evidence & AT_START) === 0 || (evidence & (CAP_ELSEWHERE | IN_CAPITALS)) !== 0) return false;
  return bundle.clusters.get(doc.hL[i]!) >= 0 && bundle.clusters.get(doc.hW[i]!) < 0;
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
export function splitCoordinated(entities: Entity[], doc: Doc, bundle: ModelBundle): void {
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
export function harmoniseTypes(entities: Entity[]): void {
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
/** How a people's plural ends ("Kenyans", "Israelis", "Britons", "Afghans"); team names ("Reds", "Cardinals", "Yankees") end otherwise. */
const DEMONYM_PLURAL = /(?:an|i|on)s$/;

/**
 * A people's plural ("Tunisians", "Kenyans", "Britons") is MISC, as CoNLL writes it: the tagger,
 * which saw most of them in the singular, read them as people, organisations or places. The rule
 * takes a one-word name ending in -ans, -is or -ons whose text less its final "s" the gazetteer
 * knows only as MISC; other endings are mostly teams ("Reds", "Cardinals", "Yankees": ORG in CoNLL).
 */
export function demonymPlurals(entities: Entity[], bundle: ModelBundle): void {
  for (const e of entities) {
    if (e.type === 'MISC' || e.end - e.start < 4 || e.text.includes(' ') || !DEMONYM_PLURAL.test(e.text)) continue;
    if (bundle.gazetteer.get(wordPhraseHash(e.text, 0, e.text.length - 1)) === MISC_ONLY) e.type = 'MISC';
  }
}

/** "Morris W. Travers", "Dana F. Besecker": a first name, a middle initial and a surname. */
const INITIALLED_NAME = /^\p{Lu}[\p{Ll}'’-]+ \p{Lu}\. \p{Lu}[\p{Ll}'’-]+$/u;

/**
 * A name written as first name, middle initial and surname is a person's; the tagger made
 * "Morris W. Travers" an organisation (citylab-1).
 */
export function initialledPeople(entities: Entity[]): void {
  for (const e of entities) if (e.type !== 'PER' && INITIALLED_NAME.test(e.text)) e.type = 'PER';
}

/** Last words of the names of programmes, plans and agreements, which CoNLL tags MISC. */
const PROGRAMME_WORDS = /\s(?:Initiative|Doctrine|Treaty|Accords?|Protocol|Act|Agreement|Plan|Programme|Strategy)$/;
/** A war's name ("Cold War", "Chinese People's War of Resistance"), not a war office or museum. */
const WAR_NAME = /(?:^|\s)War(?:$|\s+of\s)/;

/**
 * A programme, plan or agreement is MISC ("Global Governance Initiative", "Kyoto Protocol",
 * "Clean Air Act"), and so is a war's name ("Chinese People's War of Resistance", "Gears of
 * War"), with every mention that shares its key ("GGI"): the tagger read the seed article's four
 * initiatives, their acronym and its war as organisations. Runs after assignKeys.
 */
export function programmesAsMisc(entities: Entity[]): void {
  for (const e of entities) if (e.type === 'ORG' && (PROGRAMME_WORDS.test(e.key) || WAR_NAME.test(e.key))) e.type = 'MISC';
}


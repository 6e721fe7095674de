// The extraction pipeline over a loaded model bundle: tokens -> two taggers -> spans -> values, keys, facts.

import { tagsToSpans } from './bilou.ts';
import type { ModelBundle } from './codec.ts';
import { FIGURE_TYPES, NAME_TYPES } from './corpus.ts';
import { classLookup } from './clusters.ts';
import { buildFacts } from './facts.ts';
import { demonymPlurals, dropTitle, personByTitle, programmesAsMisc, harmoniseTypes, initialledPeople, isCommonWordOpening, isInitialWithStop, namedStorm, splitCoordinated, splitJoinedPlaces, withinWord } from './name-rules.ts';
import { isNotAName } from './not-names.ts';
import { applyClusters, prepareDoc } from './features.ts';
import { gazLookup } from './gazetteer.ts';
import { assignKeys } from './keys.ts';
import { decodeScored } from './linear.ts';
import { isFigureTrigger, isNameTrigger, looksEnglish, windowsAround } from './gate.ts';
import { normaliseFigure } from './normalise.ts';
import { DEFAULT_FIGURE_RULES, refineFigures, signBefore } from './refine.ts';
import type { Entity, EntityType, Extraction, Figure, FigureType, Span } from './types.ts';

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
    if (english) {
      for (const [s, e, tagged] of tagsToSpans(nameTags, a, b)) {
        const [from, storm] = namedStorm(doc, withinWord(doc, s, e), e, tagged);
        const t = personByTitle(doc, from, e, storm);
        splitJoinedPlaces(doc, dropTitle(doc, from, e, t), e, t, bundle, spans);
      }
    }
    for (const [s, e, t] of spans) {
      if (s >= e) continue;
      const start = starts[s]!;
      const end = ends[e - 1]! - (e === b && isInitialWithStop(text, starts[e - 1]!, ends[e - 1]!) ? 1 : 0);
      if (e - s === 1 && (isNotAName(text.slice(start, end)) || isCommonWordOpening(doc, s, bundle))) continue;
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
      figures.push({ start, end, text: ftext, type, ...v });
    }
  }
  if (english) demonymPlurals(entities, bundle);
  if (english) initialledPeople(entities);
  if (options.consistentTypes !== false) harmoniseTypes(entities);
  if (english) splitCoordinated(entities, doc, bundle);
  assignKeys(entities, text);
  if (english) programmesAsMisc(entities);
  // Fact descriptions are read with English clause heuristics.
  const facts = english ? buildFacts(text, sentences, figures, entities) : [];
  return { sentences, entities, figures, facts };
}

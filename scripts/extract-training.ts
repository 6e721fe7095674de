// The steps of `npm run train`, shared with experiments: reading the corpora (optionally holding
// out a tenth of each training file's documents), the gazetteer, the two taggers and strict
// scoring of a model bundle through the whole extraction pipeline (as bench:extract scores it).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagsToSpans } from '../lib/extract/bilou.ts';
import { decodeBundle, encodeBundle, type ModelBundle } from '../lib/extract/codec.ts';
import { FIGURE_TYPES, NAME_TYPES, ONTONOTES_TO_CONLL, readConll, readOntonotes, type GoldDoc } from '../lib/extract/corpus.ts';
import { exchangeClusters } from '../lib/extract/clusters.ts';
import { applyClusters, applyGazetteer, prepareDoc, type ClusterLookup } from '../lib/extract/features.ts';
import { GazetteerBuilder } from '../lib/extract/gazetteer.ts';
import { hashString } from '../lib/extract/hash.ts';
import type { LinearModel } from '../lib/extract/linear.ts';
import { runExtraction } from '../lib/extract/pipeline.ts';
import { addCounts, prf, total, type Counts } from '../lib/extract/score.ts';
import { averageModels, buildTable, goldTags, train, type TrainDoc, type TrainOptions } from '../lib/extract/trainer.ts';

export interface Corpora {
  conllTrain: GoldDoc[];
  ontoTrain: GoldDoc[];
  conllDev: GoldDoc[];
  ontoDev: GoldDoc[];
  /** Documents held out of training (empty unless asked for): never tuned on, an estimate of unseen news. */
  conllHeld: GoldDoc[];
  ontoHeld: GoldDoc[];
}

/** A tenth of a file's documents, chosen by a hash of their id (OntoNotes) or position (CoNLL). */
function heldOut(g: GoldDoc, index: number): boolean {
  return hashString(g.id ?? `conll:${index}`) % 10 === 3;
}

export function readCorpora(ner: string, holdout: boolean): Corpora {
  const conll = readConll(readFileSync(join(ner, 'conll2003/eng.train'), 'utf8'));
  const onto = readOntonotes(readFileSync(join(ner, 'ontonotes/train.v12.nw.bio'), 'utf8'));
  const split = (docs: GoldDoc[]): [GoldDoc[], GoldDoc[]] => {
    if (!holdout) return [docs, []];
    const keep: GoldDoc[] = [];
    const held: GoldDoc[] = [];
    docs.forEach((g, i) => (heldOut(g, i) ? held : keep).push(g));
    return [keep, held];
  };
  const [conllTrain, conllHeld] = split(conll);
  const [ontoTrain, ontoHeld] = split(onto);
  return {
    conllTrain,
    ontoTrain,
    conllHeld,
    ontoHeld,
    conllDev: readConll(readFileSync(join(ner, 'conll2003/eng.testa'), 'utf8')),
    ontoDev: readOntonotes(readFileSync(join(ner, 'ontonotes/dev.v12.nw.bio'), 'utf8')),
  };
}

export function toConllNames(g: GoldDoc): GoldDoc {
  return { ...g, spans: g.spans.filter((s) => ONTONOTES_TO_CONLL[s.type]).map((s) => ({ ...s, type: ONTONOTES_TO_CONLL[s.type]! })) };
}

export type Log = (msg: string) => void;

export interface ClusterSettings {
  classes: number;
  minCount: number;
  iterations: number;
}

/** Word classes from the text of both training files (labels unused). */
export function learnClusters(c: Corpora, o: ClusterSettings, log?: Log): Map<number, number> {
  if (o.classes <= 0) return new Map();
  const docs = [...c.conllTrain, ...c.ontoTrain].map((g) => prepareDoc(g.text, null));
  return exchangeClusters(docs, { ...o, log });
}

function lookupOf(clusters: Map<number, number>): ClusterLookup {
  return (h: number): number => clusters.get(h) ?? -1;
}

/** Trains one model per seed on the same feature table and averages them. */
export function trainAveraged(data: TrainDoc[], opts: Omit<TrainOptions, 'seed'>, seeds: number[]): LinearModel {
  const table = buildTable(data, { ...opts, seed: 0 });
  return averageModels(seeds.map((seed) => train(data, { ...opts, seed }, table)));
}

export interface NamesOptions {
  epochs: number;
  seeds: number[];
  structured: boolean;
  clusters: Map<number, number>;
  log?: Log;
}

/**
 * Names tagger on CoNLL train, with a gazetteer of CoNLL and OntoNotes train names; each CoNLL
 * document sees the gazetteer without its own entries (leave-one-document-out).
 */
export function trainNames(c: Corpora, o: NamesOptions): { names: LinearModel; gazetteer: Map<number, number> } {
  const gaz = new GazetteerBuilder();
  const cl = lookupOf(o.clusters);
  const data = c.conllTrain.map((g) => {
    const doc = prepareDoc(g.text, null);
    applyClusters(doc, cl);
    return { doc, gold: goldTags(doc, g.spans, NAME_TYPES) };
  });
  const owns = data.map((d) => gaz.addDoc(d.doc, tagsToSpans(d.gold, 0, d.doc.n)));
  for (const g of c.ontoTrain) {
    const n = toConllNames(g);
    const doc = prepareDoc(n.text, null);
    gaz.addDoc(doc, tagsToSpans(goldTags(doc, n.spans, NAME_TYPES), 0, doc.n), true);
  }
  data.forEach((d, i) => applyGazetteer(d.doc, gaz.lookupExcluding(owns[i]!)));
  const gazetteer = gaz.entries();
  o.log?.(`gazetteer: ${gazetteer.size} phrases`);
  const names = trainAveraged(data, { types: NAME_TYPES.length, useGaz: true, useHistory: true, epochs: o.epochs, minCount: 1, structured: o.structured, log: o.log }, o.seeds);
  return { names, gazetteer };
}

export interface FiguresOptions {
  epochs: number;
  seeds: number[];
  structured: boolean;
  clusters: Map<number, number>;
  log?: Log;
}

export function trainFigures(c: Corpora, o: FiguresOptions): LinearModel {
  const cl = lookupOf(o.clusters);
  const data = c.ontoTrain.map((g) => {
    const doc = prepareDoc(g.text, null);
    applyClusters(doc, cl);
    return { doc, gold: goldTags(doc, g.spans, FIGURE_TYPES) };
  });
  return trainAveraged(data, { types: FIGURE_TYPES.length, useGaz: false, useHistory: false, epochs: o.epochs, minCount: 2, structured: o.structured, log: o.log }, o.seeds);
}

/** The shipped form of the models: encoded (quantised, pruned) and decoded again. */
export function shippedBundle(names: LinearModel, figures: LinearModel, gazetteer: Map<number, number>, clusters: Map<number, number>): { bytes: Uint8Array; bundle: ModelBundle } {
  const bytes = encodeBundle(names, figures, gazetteer, clusters);
  return { bytes, bundle: decodeBundle(bytes) };
}

/** Strict per-type counts of the full pipeline's names or figures on gold documents. */
export function score(bundle: ModelBundle, docs: GoldDoc[], kind: 'names' | 'figures'): Map<string, Counts> {
  const by = new Map<string, Counts>();
  const figSet = new Set<string>(FIGURE_TYPES);
  for (const g of docs) {
    const x = runExtraction(g.text, bundle);
    if (kind === 'names') addCounts(by, g.spans, x.entities);
    else addCounts(by, g.spans.filter((s) => figSet.has(s.type)), x.figures);
  }
  return by;
}

export function summary(by: Map<string, Counts>): string {
  const parts = [...by].sort().map(([k, c]) => `${k} ${prf(c).f1.toFixed(3)}`);
  return `F1 ${prf(total(by)).f1.toFixed(4)} (${parts.join(', ')})`;
}

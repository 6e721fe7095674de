// Trains Lede's extractor: a names tagger on CoNLL-2003 train (with gazetteers from CoNLL and
// OntoNotes train) and a figures tagger on OntoNotes newswire train, each the average of two
// averaged perceptrons with different shuffling seeds; reports strict dev F1 of the quantised
// models and writes assets/extract-model.json. Reproducible: fixed seeds, fixed epochs.
// Usage: npm run train   (LEDE_CORPUS overrides ../shared/corpus)

import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tagsToSpans } from '../lib/extract/bilou.ts';
import { decodeBundle, encodeBundle, toBase64 } from '../lib/extract/codec.ts';
import { FIGURE_TYPES, NAME_TYPES, ONTONOTES_TO_CONLL, readConll, readOntonotes, type GoldDoc } from '../lib/extract/corpus.ts';
import { predictSpans } from '../lib/extract/evaluate.ts';
import { applyGazetteer, prepareDoc, type Doc, type GazLookup } from '../lib/extract/features.ts';
import { GazetteerBuilder, gazLookup } from '../lib/extract/gazetteer.ts';
import type { LinearModel } from '../lib/extract/linear.ts';
import { addCounts, prf, total, type Counts } from '../lib/extract/score.ts';
import { averageModels, goldTags, train } from '../lib/extract/trainer.ts';
import { dumpModel } from './model-dump.ts';

const corpus = process.env.LEDE_CORPUS ?? '../shared/corpus';
const ner = join(corpus, 'ner');
const NAME_EPOCHS = Number(process.env.NAME_EPOCHS ?? 10);
const FIGURE_EPOCHS = Number(process.env.FIGURE_EPOCHS ?? 8);
const t0 = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${msg}`);

function toConllNames(g: GoldDoc): GoldDoc {
  return { ...g, spans: g.spans.filter((s) => ONTONOTES_TO_CONLL[s.type]).map((s) => ({ ...s, type: ONTONOTES_TO_CONLL[s.type]! })) };
}

function devF1(m: LinearModel, docs: Array<{ g: GoldDoc; doc: Doc }>, types: readonly string[]): string {
  const by = new Map<string, Counts>();
  const keep = new Set(types);
  for (const { g, doc } of docs) addCounts(by, g.spans.filter((s) => keep.has(s.type)), predictSpans(m, doc, types));
  const parts = [...by].sort().map(([k, c]) => `${k} ${prf(c).f1.toFixed(3)}`);
  return `F1 ${prf(total(by)).f1.toFixed(4)} (${parts.join(', ')})`;
}

const conllTrain = readConll(readFileSync(join(ner, 'conll2003/eng.train'), 'utf8'));
const conllDev = readConll(readFileSync(join(ner, 'conll2003/eng.testa'), 'utf8'));
const ontoTrain = readOntonotes(readFileSync(join(ner, 'ontonotes/train.v12.nw.bio'), 'utf8'));
const ontoDev = readOntonotes(readFileSync(join(ner, 'ontonotes/dev.v12.nw.bio'), 'utf8'));
log(`read ${conllTrain.length} CoNLL and ${ontoTrain.length} OntoNotes training documents`);

// Names: gazetteer from both training sets, leave-one-document-out for CoNLL documents.
const gaz = new GazetteerBuilder();
const nameData = conllTrain.map((g) => {
  const doc = prepareDoc(g.text, null);
  return { doc, gold: goldTags(doc, g.spans, NAME_TYPES) };
});
const owns = nameData.map((d) => gaz.addDoc(d.doc, tagsToSpans(d.gold, 0, d.doc.n)));
for (const g of ontoTrain) {
  const c = toConllNames(g);
  const doc = prepareDoc(c.text, null);
  gaz.addDoc(doc, tagsToSpans(goldTags(doc, c.spans, NAME_TYPES), 0, doc.n), true);
}
nameData.forEach((d, i) => applyGazetteer(d.doc, gaz.lookupExcluding(owns[i]!)));
const gazEntries = gaz.entries();
log(`gazetteer: ${gazEntries.size} phrases`);

const SEEDS = [1, 7];
const names = averageModels(SEEDS.map((seed) => train(nameData, { types: NAME_TYPES.length, useGaz: true, useHistory: true, epochs: NAME_EPOCHS, minCount: 1, seed, log })));
nameData.length = 0;

const figData = ontoTrain.map((g) => {
  const doc = prepareDoc(g.text, null);
  return { doc, gold: goldTags(doc, g.spans, FIGURE_TYPES) };
});
const figures = averageModels(SEEDS.map((seed) => train(figData, { types: FIGURE_TYPES.length, useGaz: false, useHistory: false, epochs: FIGURE_EPOCHS, minCount: 2, seed: seed + 1, log })));
figData.length = 0;

if (process.env.DUMP) {
  dumpModel('.cache/names.model', names);
  dumpModel('.cache/figures.model', figures);
  writeFileSync('.cache/gaz.json', JSON.stringify([...gazEntries]));
}
if (process.env.FLOAT_DEV) {
  const lk = gaz.lookupExcluding(null);
  log(`float names dev: ${devF1(names, conllDev.map((g) => ({ g, doc: prepareDoc(g.text, lk) })), NAME_TYPES)}`);
  log(`float figures dev: ${devF1(figures, ontoDev.map((g) => ({ g, doc: prepareDoc(g.text, null) })), FIGURE_TYPES)}`);
}
const bytes = encodeBundle(names, figures, gazEntries);
const b64 = toBase64(bytes);
const json = JSON.stringify({ format: 'lede-extract-1', data: b64 });
writeFileSync('assets/extract-model.json', json);
log(`model: ${bytes.length} bytes binary, ${json.length} bytes asset, ${gzipSync(json).length} gzip`);

// Dev scores of the shipped (quantised) models.
const bundle = decodeBundle(bytes);
const lookup: GazLookup = gazLookup(bundle.gazetteer);
const cDev = conllDev.map((g) => ({ g, doc: prepareDoc(g.text, lookup) }));
log(`names dev (CoNLL testa): ${devF1(bundle.names, cDev, NAME_TYPES)}`);
const oDev = ontoDev.map((g) => ({ g, doc: prepareDoc(g.text, null) }));
log(`figures dev (OntoNotes nw dev): ${devF1(bundle.figures, oDev, FIGURE_TYPES)}`);

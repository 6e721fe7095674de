// Trains Lede's extractor: a names tagger on CoNLL-2003 train (with gazetteers from CoNLL and
// OntoNotes train) and a figures tagger on OntoNotes newswire train, both with word classes learnt
// from the training text, each the average of two structured (Viterbi-trained) averaged
// perceptrons with different shuffling seeds; reports strict dev F1 of the shipped (quantised)
// models through the whole pipeline and writes assets/extract-model.json. Reproducible: fixed
// seeds, fixed epochs.
//
// Usage: npm run train                  (LEDE_CORPUS overrides ../shared/corpus)
//        LEDE_HOLDOUT=1 npm run train   trains on 90% of each training file's documents and also
//                                       scores the held-out 10% (never tuned on); writes the model
//                                       to .cache/extract-model.holdout.json, not to assets/.
//        DUMP=1 npm run train           also writes the unquantised models to .cache/.

import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { toBase64 } from '../lib/extract/codec.ts';
import { dumpModel } from './model-dump.ts';
import { learnClusters, readCorpora, score, shippedBundle, summary, trainFigures, trainNames } from './extract-training.ts';

const corpus = process.env.LEDE_CORPUS ?? '../shared/corpus';
const holdout = process.env.LEDE_HOLDOUT === '1';
const NAME_EPOCHS = Number(process.env.NAME_EPOCHS ?? 10);
const FIGURE_EPOCHS = Number(process.env.FIGURE_EPOCHS ?? 8);
const t0 = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${msg}`);

const c = readCorpora(join(corpus, 'ner'), holdout);
log(`read ${c.conllTrain.length} CoNLL and ${c.ontoTrain.length} OntoNotes training documents${holdout ? ` (${c.conllHeld.length} and ${c.ontoHeld.length} held out)` : ''}`);

// Word classes from the training files' text: 256 classes over words seen at least twice.
const clusters = learnClusters(c, { classes: 256, minCount: 2, iterations: 10 }, log);
const { names, gazetteer } = trainNames(c, { epochs: NAME_EPOCHS, seeds: [1, 7], structured: true, clusters, log });
const figures = trainFigures(c, { epochs: FIGURE_EPOCHS, seeds: [2, 8], structured: true, clusters, log });

if (process.env.DUMP) {
  // Raw float models for offline experiments with encodings.
  mkdirSync('.cache', { recursive: true });
  dumpModel('.cache/names.model', names);
  dumpModel('.cache/figures.model', figures);
  writeFileSync('.cache/gaz.json', JSON.stringify([...gazetteer]));
}
const { bytes, bundle } = shippedBundle(names, figures, gazetteer, clusters);
const json = JSON.stringify({ format: 'lede-extract-1', data: toBase64(bytes) });
const out = holdout ? '.cache/extract-model.holdout.json' : 'assets/extract-model.json';
if (holdout) mkdirSync('.cache', { recursive: true });
writeFileSync(out, json);
log(`model: ${bytes.length} bytes binary, ${json.length} bytes asset, ${gzipSync(json).length} gzip -> ${out}`);

// Scores of the shipped (quantised) models through the whole pipeline, as bench:extract scores them.
log(`names dev (CoNLL testa): ${summary(score(bundle, c.conllDev, 'names'))}`);
log(`figures dev (OntoNotes nw dev): ${summary(score(bundle, c.ontoDev, 'figures'))}`);
if (holdout) {
  log(`names held out (10% of CoNLL train): ${summary(score(bundle, c.conllHeld, 'names'))}`);
  log(`figures held out (10% of OntoNotes nw train): ${summary(score(bundle, c.ontoHeld, 'figures'))}`);
}

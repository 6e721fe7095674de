// Lede's extractor: people, organisations, places, other names and figures in news text,
// with normalised values and key facts. Pure TypeScript, no browser API.

import modelAsset from '../../assets/extract-model.json';
import { decodeBundle, fromBase64, type ModelBundle } from './codec.ts';
import { runExtraction, type PipelineOptions } from './pipeline.ts';
import { addRecentNames } from './recent-names.ts';
import type { Extraction } from './types.ts';

export type { Entity, EntityType, Extraction, Fact, Figure, FigureType, Span } from './types.ts';
export type { ModelBundle } from './codec.ts';
export type { PipelineOptions } from './pipeline.ts';

let bundle: ModelBundle | null = null;

/** The shipped model, decoded on first use and kept, its gazetteer with the recent names (recent-names.ts). */
export function defaultModel(): ModelBundle {
  if (!bundle) {
    bundle = decodeBundle(fromBase64((modelAsset as { data: string }).data));
    addRecentNames(bundle.gazetteer);
  }
  return bundle;
}

/** Extracts sentences, entities, figures and facts; all spans are UTF-16 offsets into `text`. */
export function extract(text: string, model: ModelBundle = defaultModel(), options: PipelineOptions = {}): Extraction {
  return runExtraction(text, model, options);
}

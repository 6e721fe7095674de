// Decoding a prepared document into typed character spans, for training-time evaluation.

import { tagsToSpans } from './bilou.ts';
import type { Doc } from './features.ts';
import { decode, staticRows, type LinearModel } from './linear.ts';
import type { TypedSpan } from './score.ts';

export function predictSpans(m: LinearModel, doc: Doc, types: readonly string[]): TypedSpan[] {
  const out = new Uint8Array(doc.n);
  decode(m, doc, staticRows(m, doc), out);
  const spans: TypedSpan[] = [];
  for (const [a, b] of doc.sents) {
    for (const [s, e, t] of tagsToSpans(out, a, b)) {
      spans.push({ start: doc.toks.starts[s]!, end: doc.toks.ends[e - 1]!, type: types[t]! });
    }
  }
  return spans;
}

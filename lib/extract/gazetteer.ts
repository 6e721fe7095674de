// Name gazetteers built from training data: phrase hash -> bitmask of entity types.
// During training a document never sees entries only it contributed (leave-one-document-out),
// otherwise the tagger learns to trust a gazetteer that is perfect on its own training text.

import { GAZ_MAX_LEN, isCapitalised, phraseHash, type Doc, type GazLookup } from './features.ts';
import { IntTable } from './table.ts';

export class GazetteerBuilder {
  /** Per phrase: number of documents listing it with each type (4 types). */
  readonly counts = new Map<number, Uint32Array>();

  /** Adds a document's entity phrases; returns that document's own entries for leave-one-out. */
  addDoc(doc: Doc, spans: Array<[number, number, number]>, pseudo = false): Map<number, number> {
    const own = new Map<number, number>();
    for (const [a, b, type] of spans) {
      if (b - a > GAZ_MAX_LEN || type < 0 || type > 3) continue;
      if (!isCapitalised(doc, a) && !(doc.flags[a]! & 4)) continue;
      const h = phraseHash(doc, a, b);
      own.set(h, (own.get(h) ?? 0) | (1 << type));
    }
    for (const [h, bits] of own) {
      let c = this.counts.get(h);
      if (!c) this.counts.set(h, (c = new Uint32Array(4)));
      for (let k = 0; k < 4; k++) if (bits & (1 << k)) c[k]!++;
    }
    return pseudo ? new Map() : own;
  }

  lookupExcluding(own: Map<number, number> | null): GazLookup {
    return (h: number): number => {
      const c = this.counts.get(h);
      if (!c) return 0;
      const mine = own?.get(h) ?? 0;
      let bits = 0;
      for (let k = 0; k < 4; k++) if (c[k]! - (mine & (1 << k) ? 1 : 0) > 0) bits |= 1 << k;
      return bits;
    };
  }

  /** Final entries: phrase hash -> type bits. */
  entries(): Map<number, number> {
    const out = new Map<number, number>();
    for (const [h, c] of this.counts) {
      let bits = 0;
      for (let k = 0; k < 4; k++) if (c[k]! > 0) bits |= 1 << k;
      if (bits) out.set(h, bits);
    }
    return out;
  }
}

export function gazLookup(table: IntTable): GazLookup {
  return (h: number): number => {
    const v = table.get(h);
    return v < 0 ? 0 : v;
  };
}

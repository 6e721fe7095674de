// Word classes learnt from unlabelled text (the training files' own text): words that occur after
// the same words share a class, so a name or unit the labelled data never showed still looks
// like the ones it did. Predictive exchange clustering (Uszkoreit and Brants 2008): maximise the
// likelihood of a class bigram model p(w | v) = p(w | class(w)) p(class(w) | v) by moving one word at
// a time to its best class. Runs at training time; the model ships the word-hash -> class table.

import type { ClusterLookup, Doc } from './features.ts';
import type { IntTable } from './table.ts';

export interface ClusterOptions {
  classes: number;
  /** Words seen fewer times stay unclassed (class -1). */
  minCount: number;
  iterations: number;
  log?: (msg: string) => void;
}

/** Word hash (Doc.hW) -> class in [0, classes). Deterministic for the same documents. */
export function exchangeClusters(docs: Doc[], o: ClusterOptions): Map<number, number> {
  const C = o.classes;
  const freq = new Map<number, number>();
  let tokens = 0;
  for (const d of docs) {
    tokens += d.n;
    for (let i = 0; i < d.n; i++) freq.set(d.hW[i]!, (freq.get(d.hW[i]!) ?? 0) + 1);
  }
  const vocab = [...freq].filter(([, n]) => n >= o.minCount).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const V = vocab.length;
  const UNK = V;
  const BOS = V + 1;
  const id = new Map<number, number>();
  vocab.forEach(([h], i) => id.set(h, i));
  const count = new Float64Array(V + 1);
  vocab.forEach(([, n], i) => (count[i] = n));
  // Bigram counts (predecessor v, word w), grouped by w.
  const P = V + 2;
  const pairs = new Map<number, number>();
  for (const d of docs) {
    for (const [a, b] of d.sents) {
      let prev = BOS;
      for (let i = a; i < b; i++) {
        const w = id.get(d.hW[i]!) ?? UNK;
        if (w === UNK) count[UNK]!++;
        const key = w * P + prev;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
        prev = w;
      }
    }
  }
  const W = V + 1;
  const start = new Int32Array(W + 1);
  for (const key of pairs.keys()) start[Math.floor(key / P) + 1]!++;
  for (let w = 0; w < W; w++) start[w + 1]! += start[w]!;
  const predOf = new Int32Array(pairs.size);
  const predN = new Int32Array(pairs.size);
  const fill = start.slice(0, W);
  for (const [key, n] of [...pairs].sort((x, y) => x[0] - y[0])) {
    const w = Math.floor(key / P);
    const at = fill[w]!++;
    predOf[at] = key % P;
    predN[at] = n;
  }
  pairs.clear();
  // x log x for every count the model can reach.
  const F = new Float64Array(tokens + 2);
  for (let x = 2; x < F.length; x++) F[x] = x * Math.log(x);
  const cls = new Int32Array(W);
  for (let w = 0; w < W; w++) cls[w] = w % C;
  const N = new Int32Array(P * C);
  const Nc = new Int32Array(C);
  for (let w = 0; w < W; w++) {
    const c = cls[w]!;
    Nc[c]! += count[w]!;
    for (let j = start[w]!; j < start[w + 1]!; j++) N[predOf[j]! * C + c]! += predN[j]!;
  }
  const gain = new Float64Array(C);
  for (let it = 0; it < o.iterations; it++) {
    let moves = 0;
    for (let w = 0; w < W; w++) {
      const from = cls[w]!;
      const cw = count[w]!;
      const s = start[w]!;
      const e = start[w + 1]!;
      for (let j = s; j < e; j++) N[predOf[j]! * C + from]! -= predN[j]!;
      Nc[from]! -= cw;
      for (let c = 0; c < C; c++) gain[c] = F[Nc[c]!]! - F[Nc[c]! + cw]!;
      for (let j = s; j < e; j++) {
        const row = predOf[j]! * C;
        const n = predN[j]!;
        for (let c = 0; c < C; c++) {
          const x = N[row + c]!;
          gain[c]! += F[x + n]! - F[x]!;
        }
      }
      let best = from;
      for (let c = 0; c < C; c++) if (gain[c]! > gain[best]! + 1e-9) best = c;
      if (best !== from) moves++;
      cls[w] = best;
      for (let j = s; j < e; j++) N[predOf[j]! * C + best]! += predN[j]!;
      Nc[best]! += cw;
    }
    o.log?.(`clusters (${C}): iteration ${it + 1}, ${moves} of ${W} words moved`);
    if (moves < W * 0.002) break;
  }
  const out = new Map<number, number>();
  vocab.forEach(([h], i) => out.set(h, cls[i]!));
  return out;
}

/** The shipped word-hash -> class table as a lookup (-1: the word has no class). */
export function classLookup(table: IntTable): ClusterLookup {
  return (wordHash: number): number => table.get(wordHash);
}

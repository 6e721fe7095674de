// Strict span scoring (conlleval): a prediction counts only if start, end and type all match.

export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function addCounts(byType: Map<string, Counts>, gold: TypedSpan[], pred: TypedSpan[]): void {
  const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
  const goldSet = new Set(gold.map(key));
  const predSet = new Set(pred.map(key));
  const get = (t: string): Counts => {
    let c = byType.get(t);
    if (!c) byType.set(t, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const p of pred) {
    if (goldSet.has(key(p))) get(p.type).tp++;
    else get(p.type).fp++;
  }
  for (const g of gold) if (!predSet.has(key(g))) get(g.type).fn++;
}

export function prf(c: Counts): PRF {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, ...c };
}

export function total(byType: Map<string, Counts>): Counts {
  const t = { tp: 0, fp: 0, fn: 0 };
  for (const c of byType.values()) {
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
  }
  return t;
}

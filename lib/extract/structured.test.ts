import { describe, expect, it } from 'vitest';
import { allowed, tagCount, tagPart } from './bilou.ts';
import { exchangeClusters } from './clusters.ts';
import { prepareDoc } from './features.ts';
import { viterbi } from './linear.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Best valid BILOU sequence by enumeration (sentence start counts as previous tag -1). */
function bruteForce(em: Float64Array, len: number, T: number, tr: Float64Array): { tags: number[]; score: number } {
  let best = { tags: [] as number[], score: -Infinity };
  const walk = (i: number, prev: number, score: number, tags: number[]): void => {
    if (i === len) {
      const part = tagPart(prev);
      if (part !== 0 && part !== 1 && score > best.score) best = { tags: [...tags], score };
      return;
    }
    for (let t = 0; t < T; t++) {
      if (!allowed(prev, t)) continue;
      tags.push(t);
      walk(i + 1, t, score + em[i * T + t]! + tr[(prev + 1) * T + t]!, tags);
      tags.pop();
    }
  };
  walk(0, -1, 0, []);
  return best;
}

describe('Viterbi decoding', () => {
  it('finds the best sequence BILOU allows, and never leaves an entity open at the end', () => {
    const rand = rng(7);
    const T = tagCount(2);
    for (let trial = 0; trial < 60; trial++) {
      const len = 1 + (trial % 5);
      const em = new Float64Array(len * T).map(() => rand() * 4 - 2);
      const tr = new Float64Array((T + 1) * T);
      for (let p = -1; p < T; p++) for (let t = 0; t < T; t++) tr[(p + 1) * T + t] = allowed(p, t) ? rand() * 2 - 1 : -Infinity;
      const out = new Uint8Array(len);
      viterbi(em, 0, len, T, tr, out, new Float64Array(len * T), new Uint8Array(len * T));
      const want = bruteForce(em, len, T, tr);
      let score = 0;
      let prev = -1;
      for (let i = 0; i < len; i++) {
        expect(allowed(prev, out[i]!)).toBe(true);
        score += em[i * T + out[i]!]! + tr[(prev + 1) * T + out[i]!]!;
        prev = out[i]!;
      }
      expect([0, 1]).not.toContain(tagPart(prev));
      expect(score).toBeCloseTo(want.score, 9);
    }
  });
});

/** The full loop over every allowed pair, as Viterbi ran before its pruning: the reference it must equal. */
function fullViterbi(em: Float64Array, len: number, T: number, tr: Float64Array, afterO: boolean, closes: boolean): { out: Uint8Array; delta: Float64Array; back: Uint8Array } {
  const delta = new Float64Array(len * T);
  const back = new Uint8Array(len * T);
  const out = new Uint8Array(len);
  const first = afterO ? T : 0;
  for (let t = 0; t < T; t++) delta[t] = em[t]! + tr[first + t]!;
  for (let i = 1; i < len; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed(p, t)) continue;
        const v = delta[(i - 1) * T + p]! + tr[(p + 1) * T + t]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[i * T + t] = best + em[i * T + t]!;
      back[i * T + t] = arg;
    }
  }
  let bestTag = 0;
  let bestScore = -Infinity;
  for (let t = 0; t < T; t++) {
    if (closes && [0, 1].includes(tagPart(t))) continue;
    if (delta[(len - 1) * T + t]! > bestScore) {
      bestScore = delta[(len - 1) * T + t]!;
      bestTag = t;
    }
  }
  for (let i = len - 1; i >= 0; i--) {
    out[i] = bestTag;
    bestTag = back[i * T + bestTag]!;
  }
  return { out, delta, back };
}

describe('Viterbi pruning', () => {
  it('gives the full loop\'s scores, back-pointers and tags, ties included', () => {
    const rand = rng(11);
    for (const types of [1, 4, 7]) {
      const T = tagCount(types);
      for (let trial = 0; trial < 300; trial++) {
        const len = 1 + (trial % 12);
        // Coarse values make ties common; some trials use a wide spread so the pruning test fails often.
        const step = trial % 3 === 0 ? 1 : 0.25;
        const spread = trial % 2 === 0 ? 4 : 40;
        const value = (): number => Math.round((rand() * 2 - 1) * spread / step) * step;
        const em = new Float64Array(len * T).map(value);
        const tr = new Float64Array((T + 1) * T);
        for (let p = -1; p < T; p++) for (let t = 0; t < T; t++) tr[(p + 1) * T + t] = allowed(p, t) ? value() : -Infinity;
        const afterO = trial % 4 === 1;
        const closes = trial % 5 !== 2;
        const out = new Uint8Array(len);
        const delta = new Float64Array(len * T);
        const back = new Uint8Array(len * T);
        viterbi(em, 0, len, T, tr, out, delta, back, afterO, closes);
        const want = fullViterbi(em, len, T, tr, afterO, closes);
        expect(Array.from(out)).toEqual(Array.from(want.out));
        expect(Array.from(delta)).toEqual(Array.from(want.delta));
        expect(Array.from(back.subarray(T))).toEqual(Array.from(want.back.subarray(T)));
      }
    }
  });
});

describe('word classes', () => {
  it('puts words used in the same contexts together, the same way every run', () => {
    const towns = ['Paris', 'Berlin', 'Madrid', 'Rome'];
    const people = ['Smith', 'Jones', 'Brown', 'Taylor'];
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      lines.push(`He flew to ${towns[i % 4]} today .`);
      lines.push(`Mr ${people[i % 4]} said so .`);
    }
    const doc = prepareDoc(lines.join('\n'), null);
    const classes = exchangeClusters([doc], { classes: 4, minCount: 2, iterations: 10 });
    const classOf = (w: string): number | undefined => {
      for (let i = 0; i < doc.n; i++) if (doc.text.slice(doc.toks.starts[i], doc.toks.ends[i]) === w) return classes.get(doc.hW[i]!);
      return undefined;
    };
    const townClasses = new Set(towns.map(classOf));
    const personClasses = new Set(people.map(classOf));
    expect(townClasses.size).toBe(1);
    expect(personClasses.size).toBe(1);
    expect([...townClasses][0]).not.toBe([...personClasses][0]);
    expect(exchangeClusters([doc], { classes: 4, minCount: 2, iterations: 10 })).toEqual(classes);
  });
});

// Seeded PRNG so that every benchmark run picks the same passages and edits.

export interface Rng {
  next(): number;
  int(lo: number, hiExclusive: number): number;
  pick<T>(xs: ReadonlyArray<T>): T;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo)),
    pick<T>(xs: ReadonlyArray<T>): T {
      if (xs.length === 0) throw new Error('pick from empty list');
      return xs[Math.floor(next() * xs.length)] as T;
    },
  };
}

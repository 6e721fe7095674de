import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntervalIndex, type Interval } from './intervals.ts';

interface Mark extends Interval {
  id: number;
}

const marksArb = fc.array(
  fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 30 })).map(([s, l]) => ({ start: s, end: s + l })),
  { maxLength: 60 },
);

describe('IntervalIndex', () => {
  it('finds the mark under an offset, and nothing between marks', () => {
    const idx = new IntervalIndex<Mark>([
      { start: 10, end: 15, id: 1 },
      { start: 0, end: 4, id: 0 },
      { start: 20, end: 31, id: 2 },
    ]);
    expect(idx.at(0)?.id).toBe(0);
    expect(idx.at(3)?.id).toBe(0);
    expect(idx.at(4)).toBeUndefined();
    expect(idx.at(12)?.id).toBe(1);
    expect(idx.at(15)).toBeUndefined();
    expect(idx.at(30)?.id).toBe(2);
    expect(idx.at(31)).toBeUndefined();
    expect(idx.at(-1)).toBeUndefined();
  });

  it('prefers the innermost of nested marks (an entity inside a highlight)', () => {
    const idx = new IntervalIndex<Mark>([
      { start: 0, end: 100, id: 0 },
      { start: 40, end: 48, id: 1 },
    ]);
    expect(idx.at(42)?.id).toBe(1);
    expect(idx.at(60)?.id).toBe(0);
    expect(idx.allAt(42).map((m) => m.id)).toEqual([0, 1]);
  });

  it('ignores empty intervals', () => {
    const idx = new IntervalIndex([{ start: 5, end: 5 }]);
    expect(idx.size).toBe(0);
    expect(idx.at(5)).toBeUndefined();
  });

  it('agrees with a linear scan for any set of marks', () => {
    fc.assert(
      fc.property(marksArb, fc.nat(240), fc.nat(40), (marks, q, w) => {
        const idx = new IntervalIndex(marks);
        const containing = marks.filter((m) => m.start <= q && q < m.end);
        expect(idx.allAt(q).length).toBe(containing.length);
        const inner = idx.at(q);
        if (containing.length === 0) expect(inner).toBeUndefined();
        else expect(inner!.end - inner!.start).toBe(Math.min(...containing.map((m) => m.end - m.start)));
        const over = marks.filter((m) => m.end > q && m.start < q + w);
        expect(idx.overlapping(q, q + w).length).toBe(over.length);
      }),
      { numRuns: 300 },
    );
  });
});

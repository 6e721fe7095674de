import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToRow } from './virtual-window';

describe('the list window', () => {
  it('renders a screenful, not a thousand rows', () => {
    const w = rowWindow(1000, 40, 0, 600, 5);
    expect(w).toEqual({ start: 0, end: 21, offset: 0, height: 40_000 });
    const mid = rowWindow(1000, 40, 20_000, 600, 5);
    expect(mid.start).toBe(495);
    expect(mid.end).toBe(500 + 16 + 5);
    expect(mid.offset).toBe(495 * 40);
  });

  it('always covers every row in view, wherever the list is scrolled', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: -100, max: 700_000 }), fc.integer({ min: 1, max: 2000 }), (count, row, scroll, viewport) => {
        const w = rowWindow(count, row, scroll, viewport);
        expect(w.height).toBe(count * row);
        expect(w.start).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeLessThanOrEqual(count);
        if (count === 0) return;
        const top = Math.min(Math.max(0, scroll), Math.max(0, count * row - viewport));
        const firstVisible = Math.floor(top / row);
        const lastVisible = Math.min(count - 1, Math.floor((top + viewport - 1) / row));
        expect(w.start).toBeLessThanOrEqual(firstVisible);
        expect(w.end).toBeGreaterThan(lastVisible);
        expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(viewport / row) + 14);
      }),
    );
  });

  it('scrolls just enough to show a row moved to by keyboard', () => {
    expect(scrollToRow(10, 40, 0, 200)).toBe(440 - 200);
    expect(scrollToRow(2, 40, 200, 200)).toBe(80);
    expect(scrollToRow(6, 40, 200, 200)).toBe(200);
  });
});

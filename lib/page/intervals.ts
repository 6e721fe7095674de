// Marks by flat-text offset, for hover hit tests: which mark is under the pointer?
// Starts are sorted for binary search; a running maximum of ends lets overlapping marks
// (an entity inside a reader's highlight) be found without scanning the whole list.

export interface Interval {
  /** Inclusive flat offset. */
  start: number;
  /** Exclusive flat offset. */
  end: number;
}

export class IntervalIndex<T extends Interval> {
  private readonly items: T[];
  /** maxEnd[i] = max(items[0..i].end). */
  private readonly maxEnd: number[];

  constructor(items: Iterable<T>) {
    const list: T[] = [];
    for (const it of items) if (it.end > it.start) list.push(it);
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    this.items = list;
    this.maxEnd = new Array<number>(list.length);
    let m = -Infinity;
    for (let i = 0; i < list.length; i++) {
      m = Math.max(m, list[i]!.end);
      this.maxEnd[i] = m;
    }
  }

  get size(): number {
    return this.items.length;
  }

  /** Every interval containing `offset` (start ≤ offset < end), in start order. */
  allAt(offset: number): T[] {
    const out: T[] = [];
    for (let i = this.lastStartAtOrBefore(offset); i >= 0 && this.maxEnd[i]! > offset; i--) {
      const it = this.items[i]!;
      if (it.end > offset) out.push(it);
    }
    return out.reverse();
  }

  /** The innermost (shortest) interval containing `offset`; ties go to the later start. */
  at(offset: number): T | undefined {
    let best: T | undefined;
    for (let i = this.lastStartAtOrBefore(offset); i >= 0 && this.maxEnd[i]! > offset; i--) {
      const it = this.items[i]!;
      if (it.end > offset && (!best || it.end - it.start < best.end - best.start)) best = it;
    }
    return best;
  }

  /** Intervals overlapping [start, end), in start order. */
  overlapping(start: number, end: number): T[] {
    const out: T[] = [];
    const last = this.lastStartAtOrBefore(end - 1);
    let first = last;
    while (first >= 0 && this.maxEnd[first]! > start) first--;
    for (let i = first + 1; i <= last; i++) {
      const it = this.items[i]!;
      if (it.end > start && it.start < end) out.push(it);
    }
    return out;
  }

  private lastStartAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

// Open-addressing hash tables from uint32 keys to int32 values; the runtime store for feature
// rows and gazetteer entries. Keys and values sit side by side so a probe touches one cache line.

export class IntTable {
  /** [key, value] pairs; key 0 marks an empty slot. */
  readonly slots: Int32Array;
  readonly mask: number;
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  set(key: number, value: number): void {
    const k = key === 0 ? 1 : key | 0;
    const slots = this.slots;
    let i = (k ^ (k >>> 16)) & this.mask;
    for (;;) {
      const cur = slots[i * 2]!;
      if (cur === 0) {
        slots[i * 2] = k;
        slots[i * 2 + 1] = value;
        this.size++;
        return;
      }
      if (cur === k) {
        slots[i * 2 + 1] = value;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** The value for key, or -1. */
  get(key: number): number {
    const k = key === 0 ? 1 : key | 0;
    const slots = this.slots;
    const mask = this.mask;
    let i = (k ^ (k >>> 16)) & mask;
    for (;;) {
      const cur = slots[i * 2]!;
      if (cur === k) return slots[i * 2 + 1]!;
      if (cur === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Calls fn for every entry. */
  forEach(fn: (key: number, value: number) => void): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 2) if (slots[i] !== 0) fn(slots[i]! >>> 0, slots[i + 1]!);
  }
}

/** One probe answers for several models: key -> a row per model (-1 when that model lacks it). */
export class MultiTable {
  readonly slots: Int32Array;
  readonly mask: number;
  readonly stride: number;

  constructor(tables: IntTable[]) {
    const n = tables.length;
    this.stride = n + 1;
    let total = 0;
    for (const t of tables) total += t.size;
    let cap = 16;
    while (cap < total * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * this.stride);
    tables.forEach((t, m) => {
      t.forEach((key, value) => {
        const k = key === 0 ? 1 : key | 0;
        let i = (k ^ (k >>> 16)) & this.mask;
        for (;;) {
          const base = i * this.stride;
          const cur = this.slots[base]!;
          if (cur === 0) {
            this.slots[base] = k;
            for (let x = 1; x <= n; x++) this.slots[base + x] = -1;
            this.slots[base + 1 + m] = value;
            break;
          }
          if (cur === k) {
            this.slots[base + 1 + m] = value;
            break;
          }
          i = (i + 1) & this.mask;
        }
      });
    });
  }

  /** Slot base of key (read rows at base + 1 + model), or -1. */
  find(key: number): number {
    const k = key === 0 ? 1 : key | 0;
    const slots = this.slots;
    const mask = this.mask;
    const stride = this.stride;
    let i = (k ^ (k >>> 16)) & mask;
    for (;;) {
      const base = i * stride;
      const cur = slots[base]!;
      if (cur === k) return base;
      if (cur === 0) return -1;
      i = (i + 1) & mask;
    }
  }
}

/**
 * Dense ids for uint32 keys: ids[i] is equal for equal keys[i] and different otherwise, in
 * [0, count); returns count. Per-document word tables index plain arrays with these.
 */
export function denseIds(keys: Uint32Array, ids: Int32Array): number {
  let cap = 16;
  while (cap < keys.length * 2) cap *= 2;
  const mask = cap - 1;
  const slotKey = new Uint32Array(cap);
  /** id + 1; 0 marks an empty slot. */
  const slotId = new Int32Array(cap);
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    let s = (k ^ (k >>> 16)) & mask;
    for (;;) {
      const v = slotId[s]!;
      if (v === 0) {
        slotKey[s] = k;
        slotId[s] = ++count;
        ids[i] = count - 1;
        break;
      }
      if (slotKey[s] === k) {
        ids[i] = v - 1;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return count;
}

// Open-addressing hash table from uint32 keys to int32 values; the runtime store for
// feature rows and gazetteer entries (a Map<number> costs several times more per lookup).

export class IntTable {
  readonly keys: Uint32Array;
  readonly values: Int32Array;
  readonly mask: number;
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Key 0 marks an empty slot, so keys are remapped away from 0. */
  static fix(key: number): number {
    return key === 0 ? 1 : key >>> 0;
  }

  set(key: number, value: number): void {
    const k = IntTable.fix(key);
    let i = (k ^ (k >>> 16)) & this.mask;
    for (;;) {
      const cur = this.keys[i]!;
      if (cur === 0) {
        this.keys[i] = k;
        this.values[i] = value;
        this.size++;
        return;
      }
      if (cur === k) {
        this.values[i] = value;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** The value for key, or -1. */
  get(key: number): number {
    const k = key === 0 ? 1 : key >>> 0;
    const keys = this.keys;
    const mask = this.mask;
    let i = (k ^ (k >>> 16)) & mask;
    for (;;) {
      const cur = keys[i]!;
      if (cur === k) return this.values[i]!;
      if (cur === 0) return -1;
      i = (i + 1) & mask;
    }
  }
}

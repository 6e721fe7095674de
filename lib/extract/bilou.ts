// BILOU tag arithmetic. Tag 0 is O; entity type k owns tags 1+4k (B), 2+4k (I), 3+4k (L), 4+4k (U).

export const O = 0;

export function tagCount(types: number): number {
  return 1 + 4 * types;
}
export function tagType(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}
/** 0 B, 1 I, 2 L, 3 U, -1 O. */
export function tagPart(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) & 3;
}
export function makeTag(type: number, part: number): number {
  return 1 + 4 * type + part;
}
/** Whether `tag` may follow `prev` (prev -1 = sentence start). */
export function allowed(prev: number, tag: number): boolean {
  const pp = prev < 0 ? -1 : tagPart(prev);
  const open = pp === 0 || pp === 1;
  const cp = tagPart(tag);
  if (open) return (cp === 1 || cp === 2) && tagType(tag) === tagType(prev);
  return cp === -1 || cp === 0 || cp === 3;
}

/** Entity spans [startToken, endTokenExclusive, type] from a tag sequence, tolerant of broken sequences. */
export function tagsToSpans(tags: ArrayLike<number>, from: number, to: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let open = -1;
  let openType = -1;
  for (let i = from; i < to; i++) {
    const t = tags[i]!;
    const part = tagPart(t);
    const type = tagType(t);
    if (open >= 0 && (part === -1 || part === 0 || part === 3 || type !== openType)) {
      out.push([open, i, openType]);
      open = -1;
    }
    if (part === 3) out.push([i, i + 1, type]);
    else if (part === 0 || ((part === 1 || part === 2) && open < 0)) {
      open = i;
      openType = type;
    }
    if (part === 2 && open >= 0) {
      out.push([open, i + 1, openType]);
      open = -1;
    }
  }
  if (open >= 0) out.push([open, to, openType]);
  return out;
}

/**
 * The tag the decoder should have chosen given the previous decision it actually made: training
 * must never reward a tag the constrained decoder cannot pick (that would only push O down).
 */
export function repair(prev: number, gold: number): number {
  if (allowed(prev, gold)) return gold;
  const pp = prev < 0 ? -1 : tagPart(prev);
  if (pp === 0 || pp === 1) return makeTag(tagType(prev), 2);
  const gp = tagPart(gold);
  if (gp === 1) return makeTag(tagType(gold), 0);
  if (gp === 2) return makeTag(tagType(gold), 3);
  return O;
}

// Random passages of an article, tracked through DOM edits so that we know, after
// the edits, exactly which span of the new text is "the same passage".
//
// A passage boundary is a point in a text node. Edits change text nodes in place,
// so nodes survive and only offsets move. A boundary that an edit touches becomes
// an interval: when a word at the passage's edge is replaced, any point inside the
// replacement is an acceptable edge. That is the whole tolerance we grant.

import { type FlatText, isBlock } from './flat-text';
import type { Rng } from './random';

export interface Boundary {
  node: Text;
  lo: number;
  hi: number;
}

export interface Passage {
  start: Boundary;
  end: Boundary;
  /** The passage's text when the annotation was made (flat text). */
  original: string;
}

/** Blocks that hold text directly: no block element inside them. */
export function leafBlocks(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): boolean => {
    let hasBlockInside = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (visit(c)) hasBlockInside = true;
    const block = isBlock(el);
    if (block && !hasBlockInside && (el.textContent ?? '').trim().length >= 30) out.push(el);
    return block || hasBlockInside;
  };
  visit(root);
  return out;
}

export function textNodesOf(el: Node): Text[] {
  const out: Text[] = [];
  const doc = el.ownerDocument as Document;
  const w = doc.createTreeWalker(el, 4);
  for (let n = w.nextNode(); n; n = w.nextNode()) if ((n as Text).data.length > 0) out.push(n as Text);
  return out;
}

/** Converts a flat offset inside `nodes` to a point; `preferEnd` picks the earlier node at a seam. */
function pointAt(nodes: ReadonlyArray<Text>, flat: FlatText, offset: number, preferEnd: boolean): Boundary {
  for (const n of nodes) {
    const s = flat.startOf.get(n);
    if (s === undefined) continue;
    const e = s + n.data.length;
    const inside = preferEnd ? s < offset && offset <= e : s <= offset && offset < e;
    if (inside) return { node: n, lo: offset - s, hi: offset - s };
  }
  throw new Error(`no text node holds offset ${offset}`);
}

/** Lengths people highlight: a few words, a sentence, sometimes a paragraph. */
function targetLength(r: Rng): number {
  const u = r.next();
  if (u < 0.3) return r.int(8, 40);
  if (u < 0.8) return r.int(40, 160);
  return r.int(160, 400);
}

export function pickPassages(root: Element, flat: FlatText, count: number, r: Rng): Passage[] {
  const blocks = leafBlocks(root)
    .map((b) => ({ b, nodes: textNodesOf(b).filter((n) => flat.startOf.has(n)) }))
    .filter((x) => x.nodes.length > 0);
  const out: Passage[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 50) {
    const { nodes } = r.pick(blocks);
    const first = nodes[0] as Text;
    const last = nodes[nodes.length - 1] as Text;
    const bs = flat.startOf.get(first) as number;
    const be = (flat.startOf.get(last) as number) + last.data.length;
    const words = [...flat.text.slice(bs, be).matchAll(/\S+/g)].map((m) => ({ s: bs + (m.index as number), e: bs + (m.index as number) + m[0].length }));
    if (words.length === 0) continue;
    const i = r.int(0, words.length);
    const want = targetLength(r);
    const ws = words[i] as { s: number; e: number };
    let j = i;
    while (j + 1 < words.length && (words[j + 1] as { e: number }).e - ws.s <= want) j++;
    const start = ws.s;
    const end = (words[j] as { e: number }).e;
    if (end - start < 4) continue;
    out.push({ start: pointAt(nodes, flat, start, false), end: pointAt(nodes, flat, end, true), original: flat.text.slice(start, end) });
  }
  return out;
}

/** Moves every boundary in `node` for the replacement of data[a, b) by `n` characters. */
export function track(passages: ReadonlyArray<Passage>, node: Text, a: number, b: number, n: number): void {
  const map = (x: number, low: boolean): number => {
    if (x < a) return x;
    if (x > b) return x + n - (b - a);
    return low ? a : a + n;
  };
  for (const p of passages) {
    for (const bd of [p.start, p.end]) {
      if (bd.node !== node) continue;
      bd.lo = map(bd.lo, true);
      bd.hi = map(bd.hi, false);
    }
  }
}

export interface Truth {
  startLo: number;
  startHi: number;
  endLo: number;
  endHi: number;
}

/** Where the passage is now, in the coordinates given by `startOf`. */
export function truthOf(p: Passage, startOf: Map<Text, number>): Truth {
  const s = startOf.get(p.start.node);
  const e = startOf.get(p.end.node);
  if (s === undefined || e === undefined) throw new Error('passage node left the text');
  return { startLo: s + p.start.lo, startHi: s + p.start.hi, endLo: e + p.end.lo, endHi: e + p.end.hi };
}

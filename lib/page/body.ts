// Finds the article body on the live DOM without changing it: one walk over the rendered
// tree collects text blocks (the nearest block-level ancestor of each text), scores them
// the way Readability scores paragraphs (length, commas, link density, class hints), picks
// the best container plus related siblings, and drops furniture inside it (link lists,
// promos, tiny boxes). Returns the live block elements, so the text index and the painted
// marks refer to the page's own nodes. See README.md for the comparison with running
// Readability on a clone.

import {
  ELEMENT_NODE,
  TEXT_NODE,
  isBlockTag,
  isEditable,
  isHiddenByMarkup,
  isSkippedTag,
  renderedChildren,
  tagOf,
} from './dom.ts';
import { classWeight, isFurniture } from './hints.ts';

export interface ArticleBody {
  /** Smallest element holding every block: walk it with `blockSet` as the filter. */
  root: Element;
  /** Live block elements whose own text is the article, in document order. */
  blocks: Element[];
  blockSet: Set<Element>;
  /**
   * The outermost blocks (none inside another block of the list), in document order. Walking
   * these with `blockSet` as the filter gives the same text as walking `root`, without
   * visiting the furniture around the article.
   */
  roots: Element[];
  /** The headline element when found (also in `blocks`). */
  headline: Element | null;
  /** Readability-style "readerable" score of the chosen text (Σ √(len − 140) over long blocks). */
  score: number;
  /** Characters of block text (before whitespace collapsing). */
  chars: number;
  /** The walk stopped at `maxChars`/`maxElements`: blocks cover only the start of a huge page. */
  truncated: boolean;
}

export interface FindArticleOptions {
  /** Skip these elements and their subtrees (our own UI host). */
  exclude?: (el: Element) => boolean;
  /** Add the headline (h1) when it sits outside the chosen container. Default true. */
  includeHeadline?: boolean;
  /**
   * Stop walking after this much text or this many elements, so a million-word page costs
   * no more than a long article. The defaults are several times the longest real article.
   */
  maxChars?: number;
  maxElements?: number;
}

export const DEFAULT_BODY_MAX_CHARS = 400_000;
export const DEFAULT_BODY_MAX_ELEMENTS = 40_000;

/** One block-level element, with its own text (not in nested blocks) and subtree totals. */
interface Box {
  el: Element;
  tag: string;
  parent: Box | null;
  children: Box[];
  own: number;
  ownLink: number;
  ownCommas: number;
  text: number;
  link: number;
  commas: number;
  paras: number;
  lis: number;
  imgs: number;
  inputs: number;
  score: number;
  scored: boolean;
  /** First and last index of this box's subtree in document (pre-)order. */
  from: number;
  to: number;
}

// Minimum article: below this it is a teaser, a search result, or an app screen.
const MIN_ARTICLE_CHARS = 500;
const MIN_READERABLE = 10;
const COMMA = /[,，、،]/g;

export function findArticle(doc: Document, options: FindArticleOptions = {}): ArticleBody | null {
  try {
    const body = doc.body;
    if (!body) return null;
    // Like Readability: if skipping furniture-named boxes leaves too little text, the site
    // named its article container oddly ("site_header"); try again trusting only tags and
    // roles. A page already judged a listing stays one.
    const first = detect(doc, body, options, true);
    if (first === LISTING) return null;
    if (first) return first;
    const second = detect(doc, body, options, false);
    return second === LISTING ? null : second;
  } catch {
    // A page can break the DOM methods we call (overridden in its own world, exotic nodes).
    // No marks is the right failure for a reading aid; an exception would stop the caller.
    return null;
  }
}

const LISTING = 'listing';

function detect(doc: Document, body: HTMLElement, options: FindArticleOptions, byName: boolean): ArticleBody | typeof LISTING | null {
  const walk = collectBoxes(body, options, byName);
  const boxes = walk.boxes;

  scoreParagraphs(boxes);
  let top = pickTop(boxes);
  if (!top) return null;
  top = refineTop(top, boxes);

  const containers = withSiblings(top);
  const blocks: Element[] = [];
  let chars = 0;
  let readerable = 0;
  let linkedHeadings = 0;
  const junkMemo = new Map<Box, boolean>();
  for (const c of containers) {
    for (let i = c.from; i <= c.to; i++) {
      const b = boxes[i]!;
      if (b.own === 0) continue;
      if (insideJunk(b, c, junkMemo)) continue;
      if (isHeading(b.tag) && b.ownLink / b.own > 0.8) linkedHeadings++;
      if (isLinkLine(b)) continue;
      blocks.push(b.el);
      chars += b.own;
      if (b.own > 140) readerable += Math.sqrt(b.own - 140);
    }
  }
  // Linked headings with little text each: teasers on a front page or a results list. (A
  // listicle whose items are linked headings has far more text per heading.)
  if (linkedHeadings >= 3 && chars / linkedHeadings < 400) return LISTING;
  if (chars < MIN_ARTICLE_CHARS || readerable < MIN_READERABLE) return null;

  let headline: Element | null = null;
  if (options.includeHeadline !== false) {
    headline = findHeadline(doc, boxes);
    if (headline && !blocks.includes(headline)) {
      blocks.push(headline);
      blocks.sort(documentOrder(boxes));
    }
  }
  return {
    root: commonAncestor(blocks) ?? body,
    blocks,
    blockSet: new Set(blocks),
    roots: outermost(blocks),
    headline,
    score: readerable,
    chars,
    truncated: walk.truncated,
  };
}

function collectBoxes(body: Element, options: FindArticleOptions, byName: boolean): { boxes: Box[]; truncated: boolean } {
  const boxes: Box[] = [];
  const exclude = options.exclude;
  let charsLeft = options.maxChars ?? DEFAULT_BODY_MAX_CHARS;
  let elementsLeft = options.maxElements ?? DEFAULT_BODY_MAX_ELEMENTS;
  let truncated = false;
  const make = (el: Element, tag: string, parent: Box | null): Box => {
    const b: Box = {
      el, tag, parent, children: [], own: 0, ownLink: 0, ownCommas: 0, text: 0, link: 0, commas: 0,
      paras: 0, lis: 0, imgs: 0, inputs: 0, score: 0, scored: false, from: boxes.length, to: 0,
    };
    boxes.push(b);
    if (parent) parent.children.push(b);
    return b;
  };
  const visit = (node: Node, box: Box, inLink: boolean, depth: number): void => {
    if (truncated) return;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      const len = trimmedLength(data);
      if (len === 0) return;
      charsLeft -= len;
      if (charsLeft < 0) truncated = true;
      box.own += len;
      if (inLink) box.ownLink += len;
      box.ownCommas += countCommas(data);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE || depth > 400) return;
    if (--elementsLeft < 0) {
      truncated = true;
      return;
    }
    const el = node as Element;
    const tag = tagOf(el);
    if (tag === 'IMG' || tag === 'PICTURE') box.imgs++;
    else if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') box.inputs++;
    if (isSkippedTag(tag) || isHiddenByMarkup(el) || isEditable(el) || isFurniture(el, tag, byName)) return;
    if (exclude?.(el)) return;
    const link = inLink || tag === 'A';
    if (isBlockTag(tag)) {
      const b = make(el, tag, box);
      for (const c of renderedChildren(el)) visit(c, b, link, depth + 1);
      b.to = boxes.length - 1;
      b.text += b.own;
      b.link += b.ownLink;
      b.commas += b.ownCommas;
      if (tag === 'P' && b.own > 0) b.paras++;
      if (tag === 'LI') b.lis++;
      box.text += b.text;
      box.link += b.link;
      box.commas += b.commas;
      box.paras += b.paras;
      box.lis += b.lis;
      box.imgs += b.imgs;
      box.inputs += b.inputs;
    } else {
      for (const c of renderedChildren(el)) visit(c, box, link, depth + 1);
    }
  };
  const root = make(body, 'BODY', null);
  for (const c of renderedChildren(body)) visit(c, root, false, 1);
  root.to = boxes.length - 1;
  root.text += root.own;
  root.link += root.ownLink;
  root.commas += root.ownCommas;
  return { boxes, truncated };
}

function trimmedLength(s: string): number {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return b - a;
}

function countCommas(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(COMMA)) n++;
  return n;
}

function isHeading(tag: string): boolean {
  return tag.length === 2 && tag[0] === 'H' && tag[1]! >= '1' && tag[1]! <= '6';
}

function initialScore(b: Box): number {
  let s = classWeight(b.el);
  switch (b.tag) {
    case 'DIV': s += 5; break;
    case 'ARTICLE': s += 10; break;
    case 'PRE': case 'TD': case 'BLOCKQUOTE': s += 3; break;
    case 'ADDRESS': case 'OL': case 'UL': case 'DL': case 'DD': case 'DT': case 'LI': case 'FORM': s -= 3; break;
    case 'TH': s -= 5; break;
    default: if (isHeading(b.tag)) s -= 5;
  }
  if (b.el.getAttribute('itemprop')?.includes('articleBody')) s += 30;
  return s;
}

/** Paragraph-like boxes give their ancestors points, decaying with distance. */
function scoreParagraphs(boxes: Box[]): void {
  for (const b of boxes) {
    if (b.own < 25 || isHeading(b.tag)) continue;
    const points = 1 + b.ownCommas + Math.min(Math.floor(b.own / 100), 3);
    let anc = b.parent;
    for (let level = 0; anc && level < 5; level++, anc = anc.parent) {
      if (!anc.scored) {
        anc.scored = true;
        anc.score = initialScore(anc);
      }
      anc.score += level === 0 ? points : level === 1 ? points / 2 : points / (level * 3);
    }
  }
}

function finalScore(b: Box): number {
  const ld = b.text > 0 ? b.link / b.text : 0;
  return b.score * (1 - ld);
}

function pickTop(boxes: Box[]): Box | null {
  let best: Box | null = null;
  let bestScore = -Infinity;
  for (const b of boxes) {
    if (!b.scored) continue;
    const s = finalScore(b);
    if (s > bestScore) {
      bestScore = s;
      best = b;
    }
  }
  return best;
}

function contains(outer: Box, inner: Box): boolean {
  return inner.from >= outer.from && inner.from <= outer.to;
}

/** Readability's refinements: a shared ancestor of close rivals, a better-scoring parent, a lone child. */
function refineTop(top: Box, boxes: Box[]): Box {
  const topScore = finalScore(top);
  const rivals = boxes
    .filter((b) => b.scored && b !== top && finalScore(b) >= topScore * 0.75 && !contains(b, top) && !contains(top, b))
    .sort((a, b) => finalScore(b) - finalScore(a))
    .slice(0, 5);
  if (rivals.length >= 3) {
    for (let anc = top.parent; anc && anc.tag !== 'BODY'; anc = anc.parent) {
      let shared = 0;
      for (const r of rivals) if (contains(anc, r)) shared++;
      if (shared >= 3) {
        top = anc;
        break;
      }
    }
  }
  let last = finalScore(top);
  const floor = last / 3;
  for (let p = top.parent; p && p.tag !== 'BODY'; p = p.parent) {
    if (!p.scored) continue;
    const s = finalScore(p);
    if (s < floor) break;
    if (s > last) {
      top = p;
      break;
    }
    last = s;
  }
  while (top.parent && top.parent.tag !== 'BODY' && top.parent.children.length === 1 && top.parent.own === 0) top = top.parent;
  return top;
}

/** The top container plus siblings that look like more of the same article. */
function withSiblings(top: Box): Box[] {
  const parent = top.parent;
  if (!parent) return [top];
  const topScore = finalScore(top);
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.el.getAttribute('class') ?? '';
  const out: Box[] = [];
  for (const s of parent.children) {
    if (s === top) {
      out.push(s);
      continue;
    }
    let bonus = 0;
    if (topClass && s.el.getAttribute('class') === topClass) bonus += topScore * 0.2;
    if (s.scored && finalScore(s) + bonus >= threshold) {
      out.push(s);
      continue;
    }
    const ld = s.text ? s.link / s.text : 0;
    // A continuation of the article that sits too deep for the decayed scores to reach it.
    if (topClass && s.el.getAttribute('class') === topClass && s.text > 80 && ld < 0.25) {
      out.push(s);
      continue;
    }
    if (s.tag === 'P' && s.own > 0) {
      if (s.text > 80 && ld < 0.25) out.push(s);
      else if (s.text < 80 && ld === 0 && /\.( |$)/.test(s.el.textContent ?? '')) out.push(s);
    }
  }
  return out;
}

/** A box inside the chosen container that is furniture: link lists, promos, boxes of images or inputs. */
function insideJunk(b: Box, container: Box, memo: Map<Box, boolean>): boolean {
  const chain: Box[] = [];
  let verdict = false;
  for (let x: Box | null = b; x && x !== container; x = x.parent) {
    const known = memo.get(x);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    chain.push(x);
    if (x.tag === 'P' || isHeading(x.tag)) continue;
    if (isJunkBox(x)) {
      verdict = true;
      break;
    }
  }
  for (const x of chain) memo.set(x, verdict);
  return verdict;
}

const CLEANED = new Set(['DIV', 'SECTION', 'UL', 'OL', 'DL', 'TABLE', 'FORM', 'FIELDSET', 'HEADER', 'FIGURE', 'DETAILS']);

function isJunkBox(x: Box): boolean {
  if (!CLEANED.has(x.tag)) return false;
  const weight = classWeight(x.el);
  if (weight < 0) return true;
  if (x.commas >= 10) return false;
  const ld = x.text ? x.link / x.text : 0;
  const isList = x.tag === 'UL' || x.tag === 'OL';
  if (x.imgs > 1 && x.paras / x.imgs < 0.5 && x.tag !== 'FIGURE' && x.text < 200) return true;
  if (!isList && x.lis > x.paras && x.lis > 3 && ld > 0.2) return true;
  if (x.inputs > Math.floor(x.paras / 3) && x.inputs > 0) return true;
  if (weight < 25 && ld > 0.33) return true;
  if (weight >= 25 && ld > 0.5) return true;
  return false;
}

/** Short lines that are mostly links: "Read more: …", tag lists, share prompts. */
function isLinkLine(b: Box): boolean {
  return b.own < 200 && b.ownLink / b.own > 0.5;
}

function headlineText(doc: Document): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return (og ?? doc.title ?? '').trim().toLowerCase();
}

/** The first visible h1 whose text is part of the page's title; failing that, the only h1. */
function findHeadline(doc: Document, boxes: Box[]): Element | null {
  const title = headlineText(doc);
  const h1s = boxes.filter((b) => b.tag === 'H1' && b.own > 0);
  for (const h of h1s) {
    const t = (h.el.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (t.length >= 10 && title.includes(t.slice(0, 40))) return h.el;
  }
  return h1s.length === 1 ? h1s[0]!.el : null;
}

function documentOrder(boxes: Box[]): (a: Element, b: Element) => number {
  const order = new Map<Element, number>();
  boxes.forEach((b, i) => order.set(b.el, i));
  return (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
}

function commonAncestor(els: Element[]): Element | null {
  const first = els[0];
  if (!first) return null;
  let anc: Node | null = first;
  for (const el of els) {
    while (anc && !composedContains(anc, el)) anc = composedParent(anc);
  }
  return anc && anc.nodeType === ELEMENT_NODE ? (anc as Element) : null;
}

/** Blocks with no ancestor (across shadow boundaries) in the list, in the list's order. */
export function outermost(blocks: readonly Element[]): Element[] {
  const set = new Set<Node>(blocks);
  const out: Element[] = [];
  for (const b of blocks) {
    let nested = false;
    for (let a = composedParent(b); a; a = composedParent(a)) {
      if (set.has(a)) {
        nested = true;
        break;
      }
    }
    if (!nested) out.push(b);
  }
  return out;
}

function composedParent(n: Node): Node | null {
  return n.parentNode && n.parentNode.nodeType === 11 ? ((n.parentNode as ShadowRoot).host ?? null) : n.parentNode;
}

function composedContains(anc: Node, n: Node): boolean {
  for (let x: Node | null = n; x; x = composedParent(x)) if (x === anc) return true;
  return false;
}


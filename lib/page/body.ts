// Finds the article body on the live DOM without changing it: one walk over the rendered
// tree (walk.ts, in slices) collects text blocks (the nearest block-level ancestor of each text), scores them
// the way Readability scores paragraphs (length, commas, link density, class hints), picks
// the best container plus related siblings, and drops furniture inside it (link lists,
// promos, tiny boxes). Returns the live block elements, so the text index and the painted
// marks refer to the page's own nodes. See README.md for the comparison with running
// Readability on a clone.

import { classWeightBy } from './hints.ts';
import { BoxWalk, type Box, type WalkLog } from './walk.ts';

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
  /** The detection walk's record of the page, from which `indexArticle` builds the text index without walking the page again. */
  log?: WalkLog;
}

export interface FindArticleOptions {
  /** Skip these elements and their subtrees (our own UI host); `tag` is its upper-case tagName (tagOf). */
  exclude?: (el: Element, tag: string) => boolean;
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

// Minimum article: below this it is a teaser, a search result, or an app screen.
const MIN_ARTICLE_CHARS = 500;
const MIN_READERABLE = 10;

/**
 * Finds the article in slices: call `step(shouldStop)` until it returns true (yielding to the page
 * in between), then read `result`. The walk is the costly part and is polled every 64 nodes; the
 * scoring after it is linear in the number of blocks.
 */
export class ArticleFinder {
  result: ArticleBody | null = null;
  private walk: BoxWalk | null = null;
  private byName = true;
  private done = false;

  constructor(
    private readonly doc: Document,
    private readonly options: FindArticleOptions = {},
  ) {
    try {
      if (doc.body) this.walk = this.startWalk(doc.body);
      else this.done = true;
    } catch {
      this.done = true;
    }
  }

  get finished(): boolean {
    return this.done;
  }

  step(shouldStop: () => boolean = () => false): boolean {
    try {
      while (!this.done && this.walk) {
        if (!this.walk.step(shouldStop)) return false;
        const found = select(this.doc, this.walk, this.options);
        if (found === LISTING) this.done = true;
        else if (found) {
          this.result = found;
          this.done = true;
        } else if (this.byName && this.doc.body) {
          // Like Readability: if skipping furniture-named boxes leaves too little text, the site
          // named its article container oddly ("site_header"); try again trusting only tags and
          // roles. A page already judged a listing stays one.
          this.byName = false;
          this.walk = this.startWalk(this.doc.body);
        } else this.done = true;
      }
    } catch {
      // A page can break the DOM methods we call (overridden in its own world, exotic nodes).
      // No marks is the right failure for a reading aid; an exception would stop the caller.
      this.result = null;
      this.done = true;
    }
    this.done = true;
    return true;
  }

  private startWalk(body: HTMLElement): BoxWalk {
    return new BoxWalk(body, {
      exclude: this.options.exclude,
      maxChars: this.options.maxChars ?? DEFAULT_BODY_MAX_CHARS,
      maxElements: this.options.maxElements ?? DEFAULT_BODY_MAX_ELEMENTS,
      byName: this.byName,
    });
  }
}

/** The article's live blocks, or `null` when the page is not an article. */
export function findArticle(doc: Document, options: FindArticleOptions = {}): ArticleBody | null {
  const finder = new ArticleFinder(doc, options);
  finder.step();
  return finder.result;
}

const LISTING = 'listing';

function select(doc: Document, walk: BoxWalk, options: FindArticleOptions): ArticleBody | typeof LISTING | null {
  const boxes = walk.boxes;

  scoreParagraphs(boxes);
  let top = pickTop(boxes);
  if (!top) return null;
  top = refineTop(top, boxes);

  const containers = withSiblings(top);
  const kept: Box[] = [];
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
      kept.push(b);
      chars += b.own;
      if (b.own > 140) readerable += Math.sqrt(b.own - 140);
    }
  }
  // Linked headings with little text each: teasers on a front page or a results list. (A
  // listicle whose items are linked headings has far more text per heading.)
  if (linkedHeadings >= 3 && chars / linkedHeadings < 400) return LISTING;
  if (chars < MIN_ARTICLE_CHARS || readerable < MIN_READERABLE) return null;

  let headline: Box | null = null;
  if (options.includeHeadline !== false) {
    headline = findHeadline(doc, boxes);
    if (headline && !kept.includes(headline)) {
      kept.push(headline);
      kept.sort((a, b) => a.from - b.from);
    }
  }
  // Plain loops: in tests the page's realm is ours, and pages override Array.prototype.map.
  const blocks: Element[] = [];
  for (const b of kept) blocks.push(b.el);
  const blockSet = new Set(blocks);
  // Kept boxes are in document order and a box's subtree is the preorder range [from, to], so a
  // box inside the last root's range has a kept ancestor (one pass, no walk up the parents).
  const roots: Element[] = [];
  let rootTo = -1;
  for (const b of kept) {
    if (b.from <= rootTo) continue;
    roots.push(b.el);
    rootTo = b.to;
  }
  return {
    root: smallestHolder(kept)?.el ?? walk.boxes[0]!.el,
    blocks,
    blockSet,
    roots,
    headline: headline?.el ?? null,
    score: readerable,
    chars,
    truncated: walk.truncated,
    log: walk.log,
  };
}

function isHeading(tag: string): boolean {
  return tag.length === 2 && tag[0] === 'H' && tag[1]! >= '1' && tag[1]! <= '6';
}

function initialScore(b: Box): number {
  let s = classWeightBy(b.cls, b.id);
  switch (b.tag) {
    case 'DIV': s += 5; break;
    case 'ARTICLE': s += 10; break;
    case 'PRE': case 'TD': case 'BLOCKQUOTE': s += 3; break;
    case 'ADDRESS': case 'OL': case 'UL': case 'DL': case 'DD': case 'DT': case 'LI': case 'FORM': s -= 3; break;
    case 'TH': s -= 5; break;
    default: if (isHeading(b.tag)) s -= 5;
  }
  if (b.itemprop?.includes('articleBody')) s += 30;
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
  const topClass = top.cls;
  const out: Box[] = [];
  for (const s of parent.children) {
    if (s === top) {
      out.push(s);
      continue;
    }
    let bonus = 0;
    if (topClass && s.cls === topClass) bonus += topScore * 0.2;
    if (s.scored && finalScore(s) + bonus >= threshold) {
      out.push(s);
      continue;
    }
    const ld = s.text ? s.link / s.text : 0;
    // A continuation of the article that sits too deep for the decayed scores to reach it.
    if (topClass && s.cls === topClass && s.text > 80 && ld < 0.25) {
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
  const weight = classWeightBy(x.cls, x.id);
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
function findHeadline(doc: Document, boxes: Box[]): Box | null {
  const title = headlineText(doc);
  const h1s = boxes.filter((b) => b.tag === 'H1' && b.own > 0);
  for (const h of h1s) {
    const t = (h.el.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (t.length >= 10 && title.includes(t.slice(0, 40))) return h;
  }
  return h1s.length === 1 ? h1s[0]! : null;
}

/** The innermost box holding every kept box (boxes number their subtrees in document order). */
function smallestHolder(kept: Box[]): Box | null {
  if (kept.length === 0) return null;
  let first = Infinity;
  let last = -1;
  for (const b of kept) {
    first = Math.min(first, b.from);
    last = Math.max(last, b.from);
  }
  let holder: Box | null = kept[0]!;
  while (holder && !(holder.from <= first && holder.to >= last)) holder = holder.parent;
  return holder;
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

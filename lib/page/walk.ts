// The one walk body detection makes over the rendered tree, in slices: it builds the block boxes
// that findArticle scores and, on the way, a log of what it passed (text nodes, line breaks,
// furniture it did not enter) so that the text index can be built from the log without walking
// the page a second time. Cold code (a content script runs once per page) pays for every DOM call
// and allocation, so the walk iterates siblings in place and reads attributes only on elements
// that have some.

import {
  ELEMENT_NODE,
  TEXT_NODE,
  ariaHides,
  editableValue,
  isBlockTag,
  isEditable,
  isHiddenByMarkup,
  isSkippedTag,
  openShadowRoot,
  slotContent,
  styleHides,
  tagOf,
} from './dom.ts';
import { creditBy, furnitureBy, isFurniture } from './hints.ts';

/** One block-level element, with its own text (not in nested blocks) and subtree totals. */
export interface Box {
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
  /** The element's class, id and itemprop as the walk read them ('' / null when absent), so scoring makes no second DOM call. */
  cls: string;
  id: string;
  itemprop: string | null;
  /** This box's index in document (pre-)order, and the last index of its subtree. */
  from: number;
  to: number;
}

/** Log entry kinds (low two bits of a code). */
export const LOG_TEXT = 0;
/** A line ends here: a block starts or ends, or a `<br>`. */
export const LOG_BREAK = 1;
/** An inline element the walk did not enter (furniture by name, or too deep): index it in place if its block is kept. */
export const LOG_SUBTREE = 2;
/** Set on entries inside `<pre>`, whose whitespace is kept. */
export const LOG_PRE = 4;

/**
 * What the walk passed, in document order. Entry i is `nodes[i]` (a Text, an Element, or null for a
 * break) with `codes[i]` = kind | LOG_PRE? | (index of the nearest block's box) << 3.
 */
export interface WalkLog {
  nodes: (Node | null)[];
  codes: number[];
  /** The element of each box, by box index. */
  boxes: Element[];
  /** Per box, the range [from, to) of entries its subtree logged: a kept box's text lies inside its range. */
  boxFrom: number[];
  boxTo: number[];
  /** The walk stopped early (`truncated`): the log covers only the start of the page. */
  truncated: boolean;
}

export interface WalkOptions {
  /** Skip these elements and their subtrees; `tag` is its upper-case tagName (tagOf). */
  exclude?: (el: Element, tag: string) => boolean;
  maxChars: number;
  maxElements: number;
  /** Skip subtrees whose class/id name them furniture (Readability's first pass). */
  byName: boolean;
}

interface Frame {
  box: Box;
  /** This frame's element is `box`'s element: finish the box when the frame ends. */
  closes: boolean;
  /** Next child, for ordinary children (iterated in place). */
  next: Node | null;
  /** Children given as a list (slots, closed details), else null. */
  list: Node[] | null;
  at: number;
  inLink: boolean;
  pre: boolean;
  depth: number;
}

const MAX_DEPTH = 400;
const SHOWN = 0;
const HIDDEN = 1;
const FURNITURE = 2;

export class BoxWalk {
  readonly boxes: Box[] = [];
  readonly log: WalkLog;
  truncated = false;
  private readonly stack: Frame[] = [];
  private charsLeft: number;
  private elementsLeft: number;
  private done = false;
  private namesWork = true;
  /** The last element's class, id and itemprop, as attributes() read them (for make()). */
  private seenClass = '';
  private seenId = '';
  private seenItemprop: string | null = null;

  constructor(
    body: Element,
    private readonly options: WalkOptions,
  ) {
    this.charsLeft = options.maxChars;
    this.elementsLeft = options.maxElements;
    this.log = { nodes: [], codes: [], boxes: [], boxFrom: [], boxTo: [], truncated: false };
    this.readNames(body);
    const root = this.make(body, 'BODY', null);
    this.push(body, 'BODY', root, true, false, false, 1);
  }

  get finished(): boolean {
    return this.done;
  }

  /** Walks until done or `shouldStop()` (polled every 64 nodes) says to yield; true when done. */
  step(shouldStop: () => boolean = () => false): boolean {
    let work = 0;
    while (!this.done) {
      if (++work >= 64) {
        work = 0;
        if (shouldStop()) return false;
      }
      this.advance();
    }
    return true;
  }

  private make(el: Element, tag: string, parent: Box | null): Box {
    const b: Box = {
      el, tag, parent, children: [], own: 0, ownLink: 0, ownCommas: 0, text: 0, link: 0, commas: 0,
      paras: 0, lis: 0, imgs: 0, inputs: 0, score: 0, scored: false, cls: this.seenClass, id: this.seenId,
      itemprop: this.seenItemprop, from: this.boxes.length, to: 0,
    };
    this.boxes.push(b);
    this.log.boxes.push(el);
    this.log.boxFrom.push(this.log.codes.length);
    this.log.boxTo.push(-1);
    if (parent) parent.children.push(b);
    return b;
  }

  private push(el: Element, tag: string, box: Box, closes: boolean, inLink: boolean, pre: boolean, depth: number): void {
    let next: Node | null = null;
    let list: Node[] | null = null;
    const shadow = mayHostShadow(tag) ? openShadowRoot(el) : null;
    if (shadow) next = shadow.firstChild;
    else if (tag === 'SLOT') list = slotContent(el);
    else if (tag === 'DETAILS' && !el.hasAttribute('open')) list = closedDetails(el);
    else next = el.firstChild;
    this.stack.push({ box, closes, next, list, at: 0, inLink, pre, depth });
  }

  private record(node: Node | null, kind: number, box: Box, pre: boolean): void {
    this.log.nodes.push(node);
    this.log.codes.push(kind | (pre ? LOG_PRE : 0) | (box.from << 3));
  }

  private advance(): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.done = true;
      return;
    }
    let node: Node | null;
    if (top.list) node = top.at < top.list.length ? top.list[top.at++]! : null;
    else {
      node = top.next;
      if (node) top.next = node.nextSibling;
    }
    if (!node) {
      this.stack.pop();
      if (top.closes) this.finish(top.box, top.pre);
      return;
    }
    const type = node.nodeType;
    if (type === TEXT_NODE) this.text(node as Text, top);
    else if (type === ELEMENT_NODE) this.element(node as Element, top);
    if (this.truncated) this.stopEarly();
  }

  private text(node: Text, top: Frame): void {
    const box = top.box;
    this.record(node, LOG_TEXT, box, top.pre);
    const data = node.data;
    const len = trimmedLength(data);
    if (len === 0) return;
    this.charsLeft -= len;
    if (this.charsLeft < 0) this.truncated = true;
    box.own += len;
    if (top.inLink) box.ownLink += len;
    box.ownCommas += countCommas(data);
  }

  private element(el: Element, top: Frame): void {
    const box = top.box;
    const tag = tagOf(el);
    const block = isBlockTag(tag);
    if (top.depth > MAX_DEPTH) {
      this.record(block ? null : el, block ? LOG_BREAK : LOG_SUBTREE, box, top.pre);
      return;
    }
    if (--this.elementsLeft < 0) {
      this.truncated = true;
      return;
    }
    if (tag === 'IMG' || tag === 'PICTURE') box.imgs++;
    else if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') box.inputs++;
    // The text index ends a line at every <br>, hidden or not.
    if (tag === 'BR') return this.record(null, LOG_BREAK, box, top.pre);
    if (isSkippedTag(tag)) return;
    const verdict = this.attributes(el, tag);
    if (verdict === HIDDEN) return;
    if (this.options.exclude?.(el, tag)) return;
    if (verdict === FURNITURE) {
      // Not entered, so not scored; the index still reads an inline one inside a kept block.
      this.record(block ? null : el, block ? LOG_BREAK : LOG_SUBTREE, box, top.pre);
      return;
    }
    const inLink = top.inLink || tag === 'A';
    const pre = top.pre || tag === 'PRE';
    if (block) {
      const b = this.make(el, tag, box);
      this.record(null, LOG_BREAK, b, pre);
      this.push(el, tag, b, true, inLink, pre, top.depth + 1);
    } else {
      this.push(el, tag, box, false, inLink, pre, top.depth + 1);
    }
  }

  /**
   * What an element's attributes say, as isHiddenByMarkup, isEditable and isFurniture would read
   * them, but with one DOM call for the names and one per attribute the element has (cold code
   * pays per call). Falls back to those functions if the page broke getAttributeNames.
   */
  private attributes(el: Element, tag: string): number {
    let names: string[] | null = null;
    if (this.namesWork) {
      try {
        names = el.getAttributeNames();
      } catch {
        this.namesWork = false;
      }
    }
    if (!names) {
      this.readNames(el);
      if (isHiddenByMarkup(el) || isEditable(el) || creditBy(this.seenItemprop, this.seenClass + ' ' + this.seenId)) return HIDDEN;
      return isFurniture(el, tag, this.options.byName) ? FURNITURE : SHOWN;
    }
    let role: string | null = null;
    let itemprop: string | null = null;
    let cls = '';
    let id = '';
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      switch (name) {
        case 'hidden':
          return HIDDEN;
        case 'aria-hidden':
          if (ariaHides(el, el.getAttribute(name)!)) return HIDDEN;
          break;
        case 'style':
          if (styleHides(el.getAttribute(name)!)) return HIDDEN;
          break;
        case 'contenteditable':
          if (editableValue(el.getAttribute(name)!)) return HIDDEN;
          break;
        case 'role':
          role = el.getAttribute(name);
          break;
        case 'itemprop':
          itemprop = el.getAttribute(name);
          break;
        case 'class':
          cls = el.getAttribute(name)!;
          break;
        case 'id':
          id = el.getAttribute(name)!;
          break;
      }
    }
    this.seenClass = cls;
    this.seenId = id;
    this.seenItemprop = itemprop;
    const classAndId = cls + ' ' + id;
    if (creditBy(itemprop, classAndId)) return HIDDEN;
    return furnitureBy(tag, role, itemprop, classAndId, this.options.byName) ? FURNITURE : SHOWN;
  }

  /** The element's class, id and itemprop by one call each (the root, and pages that broke getAttributeNames). */
  private readNames(el: Element): void {
    this.seenClass = el.getAttribute('class') ?? '';
    this.seenId = el.getAttribute('id') ?? '';
    this.seenItemprop = el.getAttribute('itemprop');
  }

  /** A block's subtree is done: its totals go to its parent. */
  private finish(b: Box, pre: boolean): void {
    b.to = this.boxes.length - 1;
    this.log.boxTo[b.from] = this.log.codes.length;
    b.text += b.own;
    b.link += b.ownLink;
    b.commas += b.ownCommas;
    if (b.tag === 'P' && b.own > 0) b.paras++;
    if (b.tag === 'LI') b.lis++;
    const parent = b.parent;
    if (parent) {
      this.record(null, LOG_BREAK, parent, pre);
      parent.text += b.text;
      parent.link += b.link;
      parent.commas += b.commas;
      parent.paras += b.paras;
      parent.lis += b.lis;
      parent.imgs += b.imgs;
      parent.inputs += b.inputs;
    }
  }

  /** Out of budget: close every open box so the totals stay consistent, and stop. */
  private stopEarly(): void {
    for (let top = this.stack.pop(); top; top = this.stack.pop()) if (top.closes) this.finish(top.box, top.pre);
    this.log.truncated = true;
    this.done = true;
  }
}

/**
 * Elements that can have a shadow root (attachShadow throws for every other element): custom
 * elements and a fixed list of HTML ones. Asking the rest saves a DOM call per link and emphasis.
 */
const SHADOW_HOSTS = new Set(['ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DIV', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'MAIN', 'NAV', 'P', 'SECTION', 'SPAN']);

function mayHostShadow(tag: string): boolean {
  return SHADOW_HOSTS.has(tag) || tag.includes('-');
}

function closedDetails(el: Element): Node[] {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE && tagOf(c as Element) === 'SUMMARY') return [c];
  }
  return [];
}

/** Characters of `s` without the leading and trailing whitespace (and controls) a renderer drops. */
function trimmedLength(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  // Prose starts and ends with a letter; indentation is all space. Cold code pays per character,
  // so the native search finds the first one and only the trailing run is walked by hand.
  let a = 0;
  if (s.charCodeAt(0) <= 32) {
    a = s.search(VISIBLE);
    if (a === -1) return 0;
  }
  let b = n;
  while (s.charCodeAt(b - 1) <= 32) b--;
  return b - a;
}

const VISIBLE = /[^\x00-\x20]/;

/** Commas of the scripts Readability counts (Latin, full-width, ideographic, Arabic), by native scans. */
function countCommas(s: string): number {
  return countOf(s, ',') + countOf(s, '，') + countOf(s, '、') + countOf(s, '،');
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

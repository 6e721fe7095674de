// The flat text of an article and an exact two-way map between flat offsets and DOM
// positions. The extractor runs on `text`; marks are painted from `toRange`; selections
// and hit tests come back through `fromPosition`.
//
// Flat text rules:
// - Whitespace collapses the way HTML renders it: a run of spaces, tabs and newlines
//   inside a block becomes one space; leading and trailing space of a block is dropped.
//   Inside <pre> every character is kept.
// - Between blocks (block-level elements, <br>) there is exactly one "\n", which maps to
//   no DOM character, so a sentence never runs across two blocks.
// - Skipped entirely: script/style/noscript/template/form controls/media (see dom.ts), the
//   `hidden` attribute, aria-hidden="true", inline display:none/visibility:hidden,
//   contenteditable regions, and whatever `exclude` / `isHidden` reject (our own UI host).
// - Open shadow roots are walked in place of the host's light children; slots render
//   their assigned nodes. A same-origin iframe is indexed by calling this on its document.
//
// Every flat character except the separators comes from exactly one (Text node, offset);
// the map is stored as runs of consecutive characters so it stays small.

import {
  ELEMENT_NODE,
  TEXT_NODE,
  isBlockTag,
  isCollapsibleSpace,
  isEditable,
  isHiddenByMarkup,
  isLineBreakTag,
  isSkippedTag,
  renderedChildren,
  tagOf,
} from './dom.ts';
import { LOG_BREAK, LOG_PRE, LOG_TEXT, type WalkLog } from './walk.ts';
import { isCredit } from './hints.ts';

export interface TextIndexOptions {
  /**
   * Only text whose nearest block-level ancestor is in this set is indexed (the rest is
   * walked past). This is how the detected article body restricts the index while the
   * walk keeps document order. Omit to index everything under the roots.
   */
  blocks?: ReadonlySet<Element>;
  /** Elements to skip with their subtree, e.g. our own UI host; `tag` is its upper-case tagName (tagOf). */
  exclude?: (el: Element, tag: string) => boolean;
  /** Extra hidden test (e.g. a computed-style check the caller can afford). */
  isHidden?: (el: Element) => boolean;
  /** Stop after this many flat characters (a 1-million-word page must not freeze us). */
  maxChars?: number;
  /**
   * Body detection's record of its walk (`ArticleBody.log`): with `blocks`, the index replays it
   * instead of walking the page again, and gives the same text. Ignored when `isHidden` is given
   * (the walk did not apply it).
   */
  log?: WalkLog;
}

/** A DOM span in text-node coordinates; make a live Range with `spanToRange`. */
export interface DomSpan {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

// ~50,000 words: several times the longest real article, small enough to index in slices
// without the page noticing.
export const DEFAULT_MAX_CHARS = 300_000;
export const BLOCK_SEPARATOR = '\n';
/** Characters of one text node indexed per step, so one giant node cannot hog a slice. */
const TEXT_CHUNK = 16_384;

export class TextIndex {
  /** True when `maxChars` cut the walk short. */
  truncated = false;
  /** Flat offsets where each block's text starts, ascending. */
  readonly blockStarts: number[] = [];

  // Run i covers flat [runFlat[i], runFlat[i] + runLen[i]) ↔ runNode[i] offsets
  // [runNodeStart[i], runNodeStart[i] + runLen[i]).
  private readonly runFlat: number[] = [];
  private readonly runLen: number[] = [];
  private readonly runNodeStart: number[] = [];
  private readonly runNode: Text[] = [];
  /** First run of each text node; a node's runs are consecutive. */
  private readonly firstRun = new Map<Text, number>();
  private parts: string[] = [];
  private joined: string | null = '';
  private len = 0;

  constructor(private readonly roots: readonly Node[]) {}

  get text(): string {
    if (this.joined === null) {
      this.joined = this.parts.join('');
      this.parts = [this.joined];
    }
    return this.joined;
  }

  get length(): number {
    return this.len;
  }

  /** Number of indexed text nodes (for diagnostics and benchmarks). */
  get nodeCount(): number {
    return this.firstRun.size;
  }

  /** @internal used by the builder */
  appendSeparator(): void {
    this.parts.push(BLOCK_SEPARATOR);
    this.joined = null;
    this.len += 1;
  }

  /** @internal used by the builder */
  markBlockStart(): void {
    this.blockStarts.push(this.len);
  }

  /** @internal used by the builder: `str` is data[nodeOffset, nodeOffset + str.length) or its collapsed space. */
  appendChars(node: Text, nodeOffset: number, str: string): void {
    const n = this.runNode.length - 1;
    if (
      n >= 0 &&
      this.runNode[n] === node &&
      this.runNodeStart[n]! + this.runLen[n]! === nodeOffset &&
      this.runFlat[n]! + this.runLen[n]! === this.len
    ) {
      this.runLen[n]! += str.length;
    } else {
      if (!this.firstRun.has(node)) this.firstRun.set(node, n + 1);
      this.runFlat.push(this.len);
      this.runLen.push(str.length);
      this.runNodeStart.push(nodeOffset);
      this.runNode.push(node);
    }
    this.parts.push(str);
    this.joined = null;
    this.len += str.length;
  }

  /**
   * The DOM span of flat [start, end). Separators map to nothing, so the span starts at the
   * first real character at or after `start` and ends after the last one before `end`.
   * Null when the interval holds no DOM character.
   */
  toSpan(start: number, end: number): DomSpan | null {
    const s = Math.max(0, Math.min(start, this.len));
    const e = Math.max(s, Math.min(end, this.len));
    if (e <= s || this.runFlat.length === 0) return null;
    // First run ending after s.
    let lo = 0;
    let hi = this.runFlat.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.runFlat[mid]! + this.runLen[mid]! <= s) lo = mid + 1;
      else hi = mid;
    }
    const a = lo;
    // Last run starting before e.
    lo = 0;
    hi = this.runFlat.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.runFlat[mid]! < e) lo = mid + 1;
      else hi = mid;
    }
    const b = lo - 1;
    if (a >= this.runFlat.length || b < 0 || b < a) return null;
    const startOffset = this.runNodeStart[a]! + Math.max(0, s - this.runFlat[a]!);
    const endOffset = this.runNodeStart[b]! + (Math.min(e, this.runFlat[b]! + this.runLen[b]!) - this.runFlat[b]!);
    return { startNode: this.runNode[a]!, startOffset, endNode: this.runNode[b]!, endOffset };
  }

  /** A live Range over flat [start, end), created in `doc` (the document the nodes live in). */
  toRange(doc: Document, start: number, end: number): Range | null {
    const span = this.toSpan(start, end);
    return span ? spanToRange(doc, span) : null;
  }

  /**
   * Flat offset of a DOM position (a Range/Selection boundary or a caret position).
   * A position inside collapsed or skipped text maps to the next indexed character.
   * Null when the position lies outside the indexed roots.
   */
  fromPosition(node: Node, offset: number): number | null {
    if (node.nodeType === TEXT_NODE) {
      const first = this.firstRun.get(node as Text);
      if (first !== undefined) {
        let i = first;
        for (; i < this.runNode.length && this.runNode[i] === node; i++) {
          const ns = this.runNodeStart[i]!;
          if (offset < ns) return this.runFlat[i]!;
          if (offset < ns + this.runLen[i]!) return this.runFlat[i]! + (offset - ns);
        }
        // After the node's last indexed character.
        return this.runFlat[i - 1]! + this.runLen[i - 1]!;
      }
    }
    if (!this.withinRoots(node)) return null;
    return this.firstAtOrAfter(node, offset);
  }

  private withinRoots(node: Node): boolean {
    let n: Node | null = node;
    while (n) {
      for (const r of this.roots) if (r === n) return true;
      const parent: Node | null = n.parentNode;
      n = parent ?? (n as Node & { host?: Element }).host ?? null;
    }
    return false;
  }

  /** Flat offset of the first indexed character at or after the boundary point (node, offset). */
  private firstAtOrAfter(container: Node, offset: number): number {
    let child: Node | null = null;
    if (container.nodeType !== TEXT_NODE) {
      let k = 0;
      for (let c = container.firstChild; c; c = c.nextSibling, k++) {
        if (k === offset) {
          child = c;
          break;
        }
      }
    }
    const isAfter = (t: Text): boolean => {
      if (child) {
        if (child === t) return true;
        const rel = child.compareDocumentPosition(t);
        return (rel & 16) !== 0 || (rel & 4) !== 0; // contained by child, or following it
      }
      if (container === t) return false;
      const rel = container.compareDocumentPosition(t);
      return (rel & 16) === 0 && (rel & 4) !== 0; // following, and not inside container
    };
    let lo = 0;
    let hi = this.runNode.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isAfter(this.runNode[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.runNode.length ? this.runFlat[lo]! : this.len;
  }
}

export function spanToRange(doc: Document, span: DomSpan): Range {
  const range = doc.createRange();
  range.setStart(span.startNode, span.startOffset);
  range.setEnd(span.endNode, span.endOffset);
  return range;
}

interface Frame {
  nodes: Node[];
  i: number;
  /** Text here belongs to an indexed block. */
  included: boolean;
  pre: boolean;
  /** This frame's element is a block: leaving it ends a line. */
  closesBlock: boolean;
}

/**
 * Builds a TextIndex in slices: call `step(shouldStop)` until it returns true, yielding to
 * the page in between. `shouldStop` is polled every 64 nodes or ~16,000 characters.
 */
export class TextIndexBuilder {
  readonly index: TextIndex;
  private readonly stack: Frame[] = [];
  private readonly opts: TextIndexOptions;
  private readonly maxChars: number;
  private pendingSpace: { node: Text; offset: number } | null = null;
  private needSeparator = false;
  private done = false;
  /** A long text node part-way through: giant nodes are indexed a chunk per step. */
  private partial: { node: Text; pre: boolean; at: number } | null = null;
  /** Replaying body detection's walk: the log, the next entry, and which of its boxes are kept blocks. */
  private readonly log: WalkLog | null = null;
  private logAt = 0;
  private logEnd = 0;
  private keptBoxes: Uint8Array | null = null;

  constructor(roots: Node | readonly Node[], options: TextIndexOptions = {}) {
    const list: Node[] = [];
    if (Array.isArray(roots)) for (const r of roots as readonly Node[]) list.push(r);
    else list.push(roots as Node);
    this.index = new TextIndex(list);
    this.opts = options;
    this.maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    const { log, blocks } = options;
    if (log && blocks && !options.isHidden) {
      this.log = log;
      this.keptBoxes = new Uint8Array(log.boxes.length);
      // Only the log's stretch from the first kept box to the end of the last holds their text:
      // the navigation before the article and the footer after it are not replayed.
      let from = log.codes.length;
      let to = 0;
      for (let i = 0; i < log.boxes.length; i++) {
        if (!blocks.has(log.boxes[i]!)) continue;
        this.keptBoxes[i] = 1;
        from = Math.min(from, log.boxFrom[i] ?? 0);
        const end = log.boxTo[i] ?? -1;
        to = Math.max(to, end < 0 ? log.codes.length : end);
      }
      this.logAt = Math.min(from, to);
      this.logEnd = to;
      return;
    }
    // Roots are walked one after another; each is its own block.
    for (let k = list.length - 1; k >= 0; k--) {
      const root = list[k]!;
      this.stack.push({ nodes: [root], i: 0, included: this.initialInclusion(root), pre: insidePre(root), closesBlock: true });
    }
  }

  get finished(): boolean {
    return this.done;
  }

  /** Walks to the end in one go and returns the index. */
  finish(): TextIndex {
    this.step();
    return this.index;
  }

  /** Walks until done or `shouldStop()` says to yield. Returns true when finished. */
  step(shouldStop: () => boolean = () => false): boolean {
    // Work since the last poll: one per node plus one per 256 characters of text, so a
    // page of giant paragraphs is polled as often as a page of many small ones.
    let work = 0;
    try {
      while (!this.done) {
        if (work >= 64) {
          if (shouldStop()) return false;
          work = 0;
        }
        work += this.advance();
      }
    } catch {
      // A page that breaks the DOM methods we call ends the walk: keep what is indexed so far.
      this.index.truncated = true;
      this.done = true;
      this.stack.length = 0;
    }
    return true;
  }

  private initialInclusion(root: Node): boolean {
    const blocks = this.opts.blocks;
    if (!blocks) return true;
    for (let n: Node | null = root; n; n = n.parentNode ?? (n as Node & { host?: Element }).host ?? null) {
      if (n.nodeType === ELEMENT_NODE && isBlockTag(tagOf(n as Element))) return blocks.has(n as Element);
    }
    return false;
  }

  /** Takes one step of the walk; returns its cost in work units (see `step`). */
  private advance(): number {
    if (this.partial) {
      const { node, pre, at } = this.partial;
      this.partial = null;
      return this.textStep(node, pre, at);
    }
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.log && this.logAt < this.logEnd) return this.replay(this.log);
      // A log that stopped early indexes only the start of the page.
      if (this.log?.truncated) this.index.truncated = true;
      this.done = true;
      return 1;
    }
    if (top.i >= top.nodes.length) {
      this.stack.pop();
      if (top.closesBlock) this.breakLine();
      return 1;
    }
    const node = top.nodes[top.i++]!;
    if (node.nodeType === TEXT_NODE) {
      if (!top.included) return 1;
      return this.textStep(node as Text, top.pre, 0);
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return 1;
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const tag = tagOf(el);
      if (isLineBreakTag(tag)) {
        this.breakLine();
        return 1;
      }
      if (this.skip(el, tag)) return 1;
      const block = isBlockTag(tag);
      if (block) this.breakLine();
      const blocks = this.opts.blocks;
      const included = block && blocks ? blocks.has(el) : top.included;
      this.stack.push({ nodes: renderedChildren(el), i: 0, included, pre: top.pre || tag === 'PRE', closesBlock: block });
      return 1;
    }
    // Document or fragment given as a root: walk its children (a document walks its body).
    const doc = node as Document;
    const start = node.nodeType === 9 && doc.body ? [doc.body as Node] : renderedChildren(node);
    this.stack.push({ nodes: start, i: 0, included: top.included, pre: top.pre, closesBlock: true });
    return 1;
  }

  /** Takes the next entry of body detection's log. */
  private replay(log: WalkLog): number {
    const at = this.logAt++;
    const code = log.codes[at]!;
    const kind = code & 3;
    if (kind === LOG_BREAK) {
      this.breakLine();
      return 1;
    }
    if (!this.keptBoxes![code >>> 3]) return 1;
    const pre = (code & LOG_PRE) !== 0;
    const node = log.nodes[at]!;
    if (kind === LOG_TEXT) return this.textStep(node as Text, pre, 0);
    // An inline element the walk did not enter, inside a kept block: walk it here.
    this.stack.push({ nodes: [node], i: 0, included: true, pre, closesBlock: false });
    return 1;
  }

  private skip(el: Element, tag: string): boolean {
    if (isSkippedTag(tag)) return true;
    if (isHiddenByMarkup(el) || isEditable(el) || isCredit(el)) return true;
    if (this.opts.exclude?.(el, tag)) return true;
    if (this.opts.isHidden?.(el)) return true;
    return false;
  }

  private breakLine(): void {
    this.pendingSpace = null;
    this.needSeparator = true;
  }

  private textStep(node: Text, pre: boolean, from: number): number {
    const at = this.addText(node, pre, from);
    if (at < node.data.length && !this.done) this.partial = { node, pre, at };
    return 1 + ((at - from) >> 8);
  }

  /** Indexes data[from, …) up to TEXT_CHUNK characters; returns where it stopped. */
  private addText(node: Text, pre: boolean, from: number): number {
    const data = node.data;
    const idx = this.index;
    const n = data.length;
    // Most text nodes are prose with single spaces between words, or indentation: collapsing them
    // leaves their text as it is, so they go in whole instead of word by word (cold code pays per
    // character). The result is exactly what the loop below would produce.
    if (!pre && from === 0 && n <= TEXT_CHUNK && idx.length + n + 2 < this.maxChars) {
      let a = 0;
      while (a < n && isCollapsibleSpace(data.charCodeAt(a))) a++;
      if (a === n) {
        if (n > 0) this.spaceAt(node, 0);
        return n;
      }
      let b = n;
      while (isCollapsibleSpace(data.charCodeAt(b - 1))) b--;
      const inner = a === 0 && b === n ? data : data.slice(a, b);
      if (!IRREGULAR_SPACE.test(inner)) {
        if (a > 0) this.spaceAt(node, 0);
        this.startWord();
        idx.appendChars(node, a, inner);
        if (b < n) this.spaceAt(node, b);
        return n;
      }
    }
    const limit = Math.min(n, from + TEXT_CHUNK);
    let i = from;
    while (i < limit) {
      if (idx.length >= this.maxChars) {
        idx.truncated = true;
        this.done = true;
        this.stack.length = 0;
        return i;
      }
      const code = data.charCodeAt(i);
      if (!pre && isCollapsibleSpace(code)) {
        this.spaceAt(node, i);
        i++;
        continue;
      }
      let j = i + 1;
      if (!pre) while (j < limit && !isCollapsibleSpace(data.charCodeAt(j))) j++;
      else j = limit;
      this.startWord();
      const room = this.maxChars - idx.length;
      const end = Math.min(j, i + room);
      idx.appendChars(node, i, data.slice(i, end));
      i = end;
    }
    return i;
  }

  /** Whitespace at (node, offset): remember the first of a run; it becomes one space if more text follows in this block. */
  private spaceAt(node: Text, offset: number): void {
    if (!this.pendingSpace && !this.needSeparator && this.index.length > 0) this.pendingSpace = { node, offset };
  }

  /** Text follows: the block separator or the pending space goes first. */
  private startWord(): void {
    const idx = this.index;
    if (this.needSeparator) {
      if (idx.length > 0) idx.appendSeparator();
      idx.markBlockStart();
      this.needSeparator = false;
      this.pendingSpace = null;
    } else if (idx.length === 0) {
      idx.markBlockStart();
    }
    if (this.pendingSpace) {
      idx.appendChars(this.pendingSpace.node, this.pendingSpace.offset, ' ');
      this.pendingSpace = null;
    }
  }
}

/** Whitespace that collapsing would change inside a run of text: anything but single spaces. */
const IRREGULAR_SPACE = /[\t\n\r\f]| {2}/;

function insidePre(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === ELEMENT_NODE && tagOf(n as Element) === 'PRE') return true;
  }
  return false;
}

/** Builds the whole index at once (bounded by `maxChars`). */
export function buildTextIndex(roots: Node | readonly Node[], options: TextIndexOptions = {}): TextIndex {
  return new TextIndexBuilder(roots, options).finish();
}

/** Indexes a detected article body: its outermost blocks, restricted to its blocks, in document order. */
export function indexArticle(
  body: { roots: readonly Element[]; blockSet: ReadonlySet<Element> },
  options: Omit<TextIndexOptions, 'blocks' | 'log'> = {},
): TextIndex {
  return articleIndexBuilder(body, options).finish();
}

/** A builder for `indexArticle`, to run in slices; replays the detection walk when the body has one. */
export function articleIndexBuilder(
  body: { roots: readonly Element[]; blockSet: ReadonlySet<Element>; log?: WalkLog },
  options: Omit<TextIndexOptions, 'blocks' | 'log'> = {},
): TextIndexBuilder {
  return new TextIndexBuilder(body.roots, { ...options, blocks: body.blockSet, log: body.log });
}

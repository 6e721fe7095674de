// The rival detector: mozilla/readability run on a clone (it rewrites the document it is
// given, and the page's DOM must never change), its result mapped back to live nodes.
// Clone and page have the same shape, so a parallel walk pairs every clone text node with
// its live twin; Readability moves text nodes rather than copying them, so each text node
// it keeps leads back to the page. The live blocks are those text nodes' nearest block
// ancestors. Kept for measurement (scripts/measure-body.ts); see README.md for why the
// content script uses findArticle instead.

import { Readability } from '@mozilla/readability';
import { ELEMENT_NODE, TEXT_NODE, isBlockTag, tagOf } from './dom.ts';
import { outermost, type ArticleBody } from './body.ts';

export function findArticleWithReadability(doc: Document): ArticleBody | null {
  if (!doc.documentElement || !doc.body) return null;
  const clone = doc.cloneNode(true) as Document;
  const twins = new Map<Node, Text>();
  const order = new Map<Node, number>();
  pairTexts(doc.documentElement, clone.documentElement, twins, order);

  let content: Element | null = null;
  try {
    const reader = new Readability(clone, { serializer: (el: Node) => el as unknown as string });
    const result = reader.parse();
    content = (result?.content as unknown as Element | undefined) ?? null;
  } catch {
    return null;
  }
  if (!content) return null;

  const blocks: Element[] = [];
  const seen = new Set<Element>();
  let chars = 0;
  // When its first attempt comes out too short, Readability restores the body from HTML
  // and retries, so its nodes are new; those we pair by their text, in document order.
  let byText: Map<string, Text[]> | null = null;
  const lookup = (c: Text): Text | undefined => {
    const twin = twins.get(c);
    if (twin) return twin;
    if (!byText) {
      byText = new Map();
      for (const live of twins.values()) {
        const list = byText.get(live.data);
        if (list) list.push(live);
        else byText.set(live.data, [live]);
      }
    }
    return byText.get(c.data)?.shift();
  };
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT_NODE) {
        const live = lookup(c as Text);
        if (!live || live.data.trim() === '') continue;
        const block = nearestBlock(live);
        if (block && !seen.has(block)) {
          seen.add(block);
          blocks.push(block);
        }
        chars += live.data.trim().length;
      } else if (c.nodeType === ELEMENT_NODE) {
        walk(c);
      }
    }
  };
  walk(content);
  if (blocks.length === 0) return null;
  blocks.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return {
    root: doc.body,
    blocks,
    blockSet: new Set(blocks),
    roots: outermost(blocks),
    headline: null,
    score: 0,
    chars,
    truncated: false,
  };
}

/** Pairs clone text nodes with live ones, and numbers live elements in document order. */
function pairTexts(live: Node, copy: Node, twins: Map<Node, Text>, order: Map<Node, number>): void {
  order.set(live, order.size);
  let a = live.firstChild;
  let b = copy.firstChild;
  while (a && b) {
    if (a.nodeType === TEXT_NODE) twins.set(b, a as Text);
    else if (a.nodeType === ELEMENT_NODE) pairTexts(a, b, twins, order);
    a = a.nextSibling;
    b = b.nextSibling;
  }
}

function nearestBlock(n: Node): Element | null {
  for (let p = n.parentNode; p; p = p.parentNode) {
    if (p.nodeType === ELEMENT_NODE && isBlockTag(tagOf(p as Element))) return p as Element;
  }
  return null;
}

// The article's flat text as the content script builds it: the text nodes' data in
// document order, "\n" between blocks. Also the offset of every text node, so that
// DOM points and flat offsets convert both ways. A stand-in for the content
// script's text index, kept small so the benchmark times the same kind of walk.

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA']);

export function isBlock(el: Element): boolean {
  return BLOCK.has(el.tagName.toUpperCase());
}

export interface FlatText {
  text: string;
  /** Flat offset of each text node's first character. */
  startOf: Map<Text, number>;
}

export function flatText(root: Node): FlatText {
  const parts: string[] = [];
  const startOf = new Map<Text, number>();
  let length = 0;
  let lastChar = '\n';
  let breakPending = false;
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      if (breakPending && length > 0 && lastChar !== '\n') {
        parts.push('\n');
        length += 1;
      }
      breakPending = false;
      startOf.set(node as Text, length);
      parts.push(data);
      length += data.length;
      lastChar = data[data.length - 1] as string;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    if (block) breakPending = true;
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
    if (block) breakPending = true;
  };
  visit(root);
  return { text: parts.join(''), startOf };
}

/** Offsets of every text node in `root.textContent` (what dom-anchor-text-quote counts in). */
export function textContentOffsets(root: Node): Map<Text, number> {
  const startOf = new Map<Text, number>();
  let at = 0;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    startOf.set(n as Text, at);
    at += (n as Text).data.length;
  }
  return startOf;
}

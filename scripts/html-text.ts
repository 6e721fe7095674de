// Plain text of an HTML page for the CLI: the Readability article when there is one, blocks
// separated by newlines (a newline ends a sentence for the extractor).

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGCAPTION', 'BR', 'UL', 'OL', 'TABLE', 'DT', 'DD']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

function textOf(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = (node as Element).tagName?.toUpperCase() ?? '';
  if (SKIP.has(name)) return;
  const block = BLOCKS.has(name);
  if (block) out.push('\n');
  for (let c = node.firstChild; c; c = c.nextSibling) textOf(c, out);
  if (block) out.push('\n');
}

export function htmlToText(html: string): string {
  // Fragments (an article body without <html>/<body>) need a body to live in.
  const page = /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  let root: Node = document.body ?? document;
  try {
    const article = new Readability(document.cloneNode(true) as Document).parse();
    if (article?.content) root = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body;
  } catch {
    // Fall back to the whole body.
  }
  const parts: string[] = [];
  textOf(root, parts);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

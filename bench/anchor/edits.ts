// Edits a site might make between two visits, applied to the article DOM with a
// seeded PRNG: paragraphs inserted (new text, a look-alike rewrite of an existing
// paragraph placed right next to it, a pull quote repeating a sentence), words
// changed, sentences removed. Every change to existing text goes through
// `track` so the passages' true positions stay known.

import { type Passage, leafBlocks, textNodesOf, track } from './passages';
import type { Rng } from './random';

export interface EditPlan {
  freshParagraphs: number;
  lookAlikeParagraphs: number;
  pullQuotes: number;
  changedWords: number;
  removedSentences: number;
}

export const DEFAULT_PLAN: EditPlan = { freshParagraphs: 2, lookAlikeParagraphs: 2, pullQuotes: 2, changedWords: 20, removedSentences: 6 };

function vocabulary(root: Element): string[] {
  const words = (root.textContent ?? '').match(/[A-Za-z]{3,}/g) ?? [];
  return [...new Set(words)];
}

function paragraph(doc: Document, tag: string, text: string): Element {
  const p = doc.createElement(tag);
  p.textContent = text; // text, never HTML
  return p;
}

function insertNear(block: Element, el: Element, before: boolean): void {
  const parent = block.parentNode;
  if (!parent) return;
  parent.insertBefore(el, before ? block : block.nextSibling);
}

function replaceData(passages: ReadonlyArray<Passage>, node: Text, a: number, b: number, replacement: string): void {
  node.replaceData(a, b - a, replacement);
  track(passages, node, a, b, replacement.length);
}

export function applyEdits(root: Element, passages: ReadonlyArray<Passage>, plan: EditPlan, r: Rng): string[] {
  const doc = root.ownerDocument;
  const vocab = vocabulary(root);
  const log: string[] = [];
  const blocks = () => leafBlocks(root);

  for (let k = 0; k < plan.changedWords; k++) {
    const nodes = textNodesOf(r.pick(blocks())).filter((n) => /[A-Za-z]{3,}/.test(n.data));
    if (nodes.length === 0) continue;
    const node = r.pick(nodes);
    const words = [...node.data.matchAll(/[A-Za-z]{3,}/g)];
    const w = r.pick(words);
    let repl = r.pick(vocab);
    if (repl === w[0]) repl = repl + 's';
    const a = w.index as number;
    replaceData(passages, node, a, a + w[0].length, repl);
    log.push(`word "${w[0]}" → "${repl}"`);
  }

  for (let k = 0, guard = 0; k < plan.removedSentences && guard < 200; guard++) {
    const nodes = textNodesOf(r.pick(blocks()));
    if (nodes.length === 0) continue;
    const node = r.pick(nodes);
    const sentences = [...node.data.matchAll(/[^.!?]*[.!?]+["'”’)]*\s*/g)].filter((m) => m[0].trim().length >= 20);
    if (sentences.length === 0) continue;
    const s = r.pick(sentences);
    // Never empty a text node: the passage bookkeeping keys on live nodes.
    if (s[0].length >= node.data.length) continue;
    const a = s.index as number;
    replaceData(passages, node, a, a + s[0].length, '');
    log.push(`sentence removed (${s[0].length} chars)`);
    k++;
  }

  for (let k = 0; k < plan.freshParagraphs; k++) {
    const n = r.int(40, 90);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(r.pick(vocab));
    insertNear(r.pick(blocks()), paragraph(doc, 'p', words.join(' ') + '.'), r.next() < 0.5);
    log.push(`paragraph inserted (${n} words)`);
  }

  for (let k = 0, guard = 0; k < plan.lookAlikeParagraphs && guard < 200; guard++) {
    const source = r.pick(blocks());
    const text = source.textContent ?? '';
    if (text.length < 80) continue;
    // A rewrite of the paragraph: every sixth word replaced, placed right next to it.
    let i = 0;
    const rewritten = text.replace(/[A-Za-z]{3,}/g, (w) => (++i % 6 === 0 ? r.pick(vocab) : w));
    insertNear(source, paragraph(doc, source.tagName.toLowerCase() === 'li' ? 'li' : 'p', rewritten), r.next() < 0.5);
    log.push(`look-alike paragraph inserted (${text.length} chars)`);
    k++;
  }

  for (let k = 0, guard = 0; k < plan.pullQuotes && guard < 200; guard++) {
    const all = blocks();
    const at = r.int(0, all.length);
    const source = all[at] as Element;
    const sentences = (source.textContent ?? '').match(/[^.!?]*[.!?]+/g)?.filter((s) => s.trim().length >= 60) ?? [];
    if (sentences.length === 0) continue;
    const sentence = r.pick(sentences).trim();
    const near = all[Math.min(all.length - 1, at + r.int(1, 4))] as Element;
    insertNear(near, paragraph(doc, 'blockquote', sentence), false);
    log.push(`pull quote inserted (${sentence.length} chars)`);
    k++;
  }
  return log;
}

// The reader's highlights on this page: loaded from the background, re-anchored on the article's
// flat text, painted as `lede-note-<colour>` above the entity marks, created from the selection.
import { anchorAll } from '../../lib/anchor/anchor';
import { positionToCodepoints } from '../../lib/anchor/codepoints';
import { describe } from '../../lib/anchor/describe';
import { HIGHLIGHT_COLOURS, type Annotation, type Article, type HighlightColour } from '../../lib/model/types';
import { noteHighlightName } from '../../lib/marks/palette';
import { background, type AnchoredAnnotation, type PageMeta } from '../messages';
import type { LedeSession } from './session';


/** Paints the reader's highlights above the marks (marks are priority 0). */
const NOTE_PRIORITY = 10;

export class Annotations {
  article: Article | null = null;
  private list: AnchoredAnnotation[] = [];
  private listeners = new Set<() => void>();

  constructor(private readonly session: LedeSession) {}

  /** What identifies and describes this article: declared addresses first (canonical, og:url, citation). */
  meta(): PageMeta {
    const m = this.session.metadata();
    const doc = this.session.doc;
    const url = this.session.win.location.href;
    const declared = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
    return {
      url,
      canonical: m.canonicalUrl !== url.split('#')[0] ? m.canonicalUrl : undefined,
      ogUrl: declared('meta[property="og:url"]'),
      citationUrl: declared('meta[name="citation_public_url"], meta[name="citation_abstract_html_url"]'),
      title: m.title || doc.title,
      site: m.siteName || this.session.win.location.hostname,
      byline: m.byline ?? undefined,
      published: m.published ?? undefined,
      // Saved with the article for the library's filter by person, organisation and place.
      entities: this.session.extraction ? this.session.entities().map(({ key, label, type, count }) => ({ key, label, type, count })) : undefined,
    };
  }

  anchored(): AnchoredAnnotation[] {
    return this.list;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads this article's highlights from the store and paints them. */
  async load(): Promise<void> {
    const record = await background.sendMessage('lookupArticle', this.meta());
    if (this.session.signal.aborted) return;
    this.article = record.article;
    this.apply(record.annotations);
  }

  /** Another tab (or the popup) changed an article: reload if it is ours. */
  async changed(articleId: string): Promise<void> {
    if (!this.article || this.article.id === articleId) await this.load();
  }

  private apply(annotations: Annotation[]): void {
    const text = this.session.index?.text ?? '';
    const results = anchorAll(text, annotations);
    this.list = annotations.map((annotation, i) => {
      const result = results[i]!;
      const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector');
      const exact = quote && quote.type === 'TextQuoteSelector' ? quote.exact : '';
      return result.status === 'anchored'
        ? { annotation, status: 'anchored', quote: exact, start: result.start, end: result.end }
        : { annotation, status: 'orphan', quote: exact };
    });
    this.paint();
    for (const listener of this.listeners) listener();
  }

  private paint(): void {
    const painter = this.session.painter;
    if (!painter) return;
    for (const colour of HIGHLIGHT_COLOURS) {
      painter.clearNamed(noteHighlightName(colour));
      painter.setVisible(noteHighlightName(colour), true);
    }
    for (const item of this.list) {
      if (item.status !== 'anchored') continue;
      const range = this.session.rangeOf(item.start!, item.end!);
      if (range) painter.addNamed(noteHighlightName(item.annotation.colour), [range], NOTE_PRIORITY);
    }
  }

  /** The annotation painted at a flat offset, if any. */
  at(offset: number): AnchoredAnnotation | null {
    return this.list.find((a) => a.status === 'anchored' && a.start! <= offset && offset < a.end!) ?? null;
  }

  /** The current selection as flat offsets in the article's text, or null when it lies outside. */
  selectionSpan(): { start: number; end: number } | null {
    const selection = this.session.win.getSelection();
    const index = this.session.index;
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !index) return null;
    const range = selection.getRangeAt(0);
    const start = index.fromPosition(range.startContainer, range.startOffset);
    const end = index.fromPosition(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    // Trim separators and spaces the selection took along at its edges.
    const text = index.text;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    return e > s ? { start: s, end: e } : null;
  }

  /** Saves a highlight of a flat span; returns the saved annotation. */
  async create(span: { start: number; end: number }, colour: HighlightColour, note = ''): Promise<Annotation> {
    const text = this.session.index?.text ?? '';
    // UTF-16 offsets for anchoring here, and the same position in code points, as the W3C model
    // counts them, so that an export needs no page text to convert.
    const [quote, position] = describe(text, span.start, span.end);
    const selectors = [quote, position, positionToCodepoints(position, text)];
    const created = await background.sendMessage('createAnnotation', { meta: this.meta(), selectors, colour, note });
    await this.load();
    return created;
  }

  async highlightSelection(colour: HighlightColour = 'yellow'): Promise<boolean> {
    const span = this.selectionSpan();
    if (!span) return false;
    await this.create(span, colour);
    this.session.win.getSelection()?.removeAllRanges();
    return true;
  }
}

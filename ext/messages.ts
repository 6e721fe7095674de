// The typed message protocols between Lede's contexts. @webext-core/messaging answers with
// sendResponse + `return true`, which Chromium needs: a Promise returned from
// runtime.onMessage reaches the sender as `undefined` when `browser` is native.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Extraction } from '../lib/extract';
import type { Annotation, Article, HighlightColour, Selector } from '../lib/model/types';
import type { PageMeta, AnnotationPatch } from '../store/repo';

export type { PageMeta, AnnotationPatch };

/** What a content script knows of its article's record, and the reader's highlights on it. */
export interface ArticleRecord {
  article: Article | null;
  annotations: Annotation[];
}

export interface NewHighlight {
  meta: PageMeta;
  selectors: Selector[];
  colour: HighlightColour;
  note?: string;
  tags?: string[];
}

export interface ExtractAnswer {
  extraction: Extraction;
  /** The background's own milliseconds on the text (the rest of the round trip is messaging). */
  ms: number;
  /** When the background got the request and when it answered, as epoch milliseconds (timeOrigin + now). */
  receivedAt: number;
  answeredAt: number;
  /** Set when the background did not read the text: the reader switched Lede off for the sending page's site. */
  skipped?: 'site off';
}

/** Messages the background (service worker) answers, from content scripts and extension pages. */
export interface BackgroundProtocol {
  ping(): { version: string; now: number };
  /**
   * Runs the extractor on article text. It lives in the background so that its model is decoded
   * once and kept warm, and no page parses it or spends its main thread on it.
   */
  extract(input: { text: string }): ExtractAnswer;
  /** The article record for a page, if the reader ever saved anything on it, with its live highlights. */
  lookupArticle(meta: PageMeta): ArticleRecord;
  /** Creates or refreshes the article record (e.g. before a note is written). */
  saveArticle(meta: PageMeta): Article;
  setArticleNote(input: { meta: PageMeta; note: string }): Article;
  setArticleTags(input: { meta: PageMeta; tags: string[] }): Article;
  createAnnotation(input: NewHighlight): Annotation;
  updateAnnotation(input: { id: string; patch: AnnotationPatch }): Annotation;
  deleteAnnotation(input: { id: string }): Annotation;
  restoreAnnotation(input: { id: string }): Annotation;
  listAnnotations(input: { articleId: string }): Annotation[];
  /** One live highlight, for the note editor frame (which, embedded in a page, has no access to our IndexedDB). */
  getAnnotation(input: { id: string }): Annotation | null;
}

/** Messages a tab's content script answers, from the popup and the background. */
export interface TabProtocol {
  /** What Lede found on this page: status, metadata, extraction. */
  pageState(): PageState;
  /** The background tells every tab that an article's highlights or note changed. */
  articleChanged(input: { articleId: string }): void;
  /** Scrolls the page to a flat-text span of the article and flashes it. */
  reveal(input: { start: number; end: number }): boolean;
  /** The article's flat text as Lede indexed it (blocks separated by newlines); for benchmarks and export. */
  articleText(): string;
  /** Moves to the next mark (keyboard command). */
  cycleMarks(): void;
  /** Highlights the current selection (context menu, keyboard command). */
  highlightSelection(input: { colour?: HighlightColour }): boolean;
  /** Popup (issue 6): saves a key fact's sentence as a yellow highlight with `note`; returns it. */
  pinFact(input: { start: number; end: number; note: string }): Annotation;
}

export interface PageFact {
  figure: string;
  /** The figure spelled out from its normalised value ("244.8 billion US dollars"). */
  value: string;
  type: string;
  measures: string;
  when?: string;
  sentence: string;
  start: number;
  end: number;
  /** Span of the figure itself. */
  figureStart: number;
  figureEnd: number;
  entities: string[];
}

export interface PageEntity {
  key: string;
  label: string;
  type: string;
  count: number;
  /** Flat-text spans of each mention, in document order. */
  mentions: { start: number; end: number }[];
}

export interface AnchoredAnnotation {
  annotation: Annotation;
  status: 'anchored' | 'orphan';
  /** The quoted text as stored. */
  quote: string;
  start?: number;
  end?: number;
}

export interface PageState {
  status: 'article' | 'not-article' | 'too-long' | 'off' | 'loading';
  url: string;
  meta: PageMeta;
  language?: string;
  facts: PageFact[];
  entities: PageEntity[];
  figures: number;
  annotations: AnchoredAnnotation[];
  article: Article | null;
  timings?: { paintedMs: number };
}

export const background = defineExtensionMessaging<BackgroundProtocol>();
export const tab = defineExtensionMessaging<TabProtocol>();

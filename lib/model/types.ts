// The data model shared by the store, the anchoring core, the exports and the UI.
// Plain types only: no browser, WXT or Dexie import may appear anywhere in lib/.

/** ISO 8601 timestamp, e.g. "2026-11-25T17:42:00.000Z". */
export type IsoTime = string;

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/** W3C Web Annotation TextQuoteSelector: the quoted text with 32+ characters of context each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector against the article's flat text index.
 * The W3C model counts Unicode code points; JavaScript strings count UTF-16 units.
 * We store UTF-16 offsets (`unit: 'utf16'`) because that is what the DOM and our
 * text index speak, and convert to code points on export.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
  unit: 'utf16' | 'codepoint';
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** The kinds of name the library keeps per article: people, organisations, places. */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A person, organisation or place the article names, as Lede's extractor found it on the page. */
export interface ArticleEntity {
  type: EntityType;
  /** The extractor's canonical key within the article ("Xi Jinping" for "Xi" and "President Xi"). */
  key: string;
  /** The name as shown (its longest form in the article). */
  label: string;
  /** Mentions in the article. */
  count: number;
}

export interface Article {
  /** UUID v4. */
  id: string;
  /** Normalised URL: canonical when the page declares one, no fragment, no tracking parameters. */
  url: string;
  title: string;
  site: string;
  byline?: string;
  /** Published date as the page's metadata gives it (ISO date or date-time). */
  published?: string;
  /** The reader's note on the whole article, plain text. */
  note: string;
  tags: string[];
  /**
   * The people, organisations and places the article names, most mentioned first, saved
   * with the article when the reader highlights or writes on it. Absent for articles saved
   * before Lede kept them, and for pages Lede did not read as an article.
   */
  entities?: ArticleEntity[];
  created: IsoTime;
  updated: IsoTime;
  /** Set when the reader deleted the article; kept so that an import or sync can tell deleted from never-seen. */
  deleted?: IsoTime;
}

export interface Annotation {
  /** UUID v4. */
  id: string;
  articleId: string;
  /** Always a TextQuoteSelector and, when known, a TextPositionSelector. */
  selectors: Selector[];
  colour: HighlightColour;
  note: string;
  tags: string[];
  created: IsoTime;
  updated: IsoTime;
  /** Tombstone: set on delete, the record is kept. */
  deleted?: IsoTime;
}

// Public types of the extractor.

export interface Span {
  start: number;
  end: number;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export type FigureType = 'MONEY' | 'PERCENT' | 'DATE' | 'TIME' | 'CARDINAL' | 'ORDINAL' | 'QUANTITY';

export interface Entity {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Canonical form shared by all mentions of one thing in the document. */
  key: string;
}

export interface Figure {
  start: number;
  end: number;
  text: string;
  type: FigureType;
  /** Number, or ISO (partial) date string ("2024", "--09-02", "199X"); for durations the count. */
  value: number | string | null;
  /** Counted noun, measurement unit, duration unit, "percent", or currency code for money. */
  unit?: string;
  /** ISO 4217 code for money. */
  currency?: string;
  /** "more than", "about", "nearly", "up to", "at least", "at most", "less than". */
  qualifier?: string;
  /** "duration" or "relative" for dates that are not calendar points. */
  kind?: string;
}

export interface Fact {
  figure: Figure;
  /** What the figure measures, in the article's words. */
  measures: string;
  /** The date in the same sentence, if any. */
  when?: Figure;
  entities: Entity[];
  sentence: Span;
  score: number;
}

export interface Extraction {
  sentences: Span[];
  entities: Entity[];
  figures: Figure[];
  facts: Fact[];
}

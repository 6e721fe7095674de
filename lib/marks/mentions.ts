// From an extraction to the marks we paint and the mention groups the hover card and the popup
// show: every mention of "Vladimir Putin" (including "Putin") shares one group and one count.
import { formatFigure, type FigureLike } from './format';
import { markTypeOf, type MarkType } from './types';

export interface EntityLike {
  start: number;
  end: number;
  text: string;
  type: string;
  key: string;
}

export interface Mark {
  start: number;
  end: number;
  type: MarkType;
  /** PER, ORG, MONEY, … as the extractor said. */
  sourceType: string;
  /** Group key: the entity's canonical key, or the figure's type and normalised value. */
  key: string;
}

export interface MentionGroup {
  key: string;
  type: MarkType;
  sourceType: string;
  /** Canonical name, or the figure spelled out. */
  label: string;
  /** Offsets of the group's marks in document order. */
  marks: Mark[];
}

export interface MarkSet {
  /** All marks sorted by start. */
  marks: Mark[];
  groups: Map<string, MentionGroup>;
}

const figureKey = (figure: FigureLike): string =>
  `${figure.type}:${figure.value ?? figure.text.toLowerCase()}:${figure.currency ?? figure.unit ?? ''}`;

export type PlacedFigure = FigureLike & { start: number; end: number };

export function buildMarks(entities: readonly EntityLike[], figures: readonly PlacedFigure[]): MarkSet {
  const marks: Mark[] = [];
  const groups = new Map<string, MentionGroup>();
  const add = (mark: Mark, label: string, isEntity: boolean) => {
    marks.push(mark);
    let group = groups.get(mark.key);
    if (!group) {
      group = { key: mark.key, type: mark.type, sourceType: mark.sourceType, label, marks: [] };
      groups.set(mark.key, group);
    } else if (isEntity && label.length > group.label.length) {
      // The longest form names the entity best ("Vladimir Putin" over "Putin").
      group.label = label;
    }
    group.marks.push(mark);
  };
  for (const entity of entities) {
    const key = `${entity.type}:${entity.key}`;
    add({ start: entity.start, end: entity.end, type: markTypeOf(entity.type), sourceType: entity.type, key }, entity.key || entity.text, true);
  }
  for (const figure of figures) {
    add(
      { start: figure.start, end: figure.end, type: markTypeOf(figure.type), sourceType: figure.type, key: figureKey(figure) },
      formatFigure(figure),
      false,
    );
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const group of groups.values()) group.marks.sort((a, b) => a.start - b.start);
  return { marks, groups };
}

// Which highlight each extracted entity or figure is painted with. One CSS Highlight per mark type,
// registered in CSS.highlights as `lede-<type>`.

export const MARK_TYPES = ['person', 'org', 'place', 'other', 'money', 'percent', 'date', 'number'] as const;
export type MarkType = (typeof MARK_TYPES)[number];

export const MARK_LABELS: Record<MarkType, string> = {
  person: 'People',
  org: 'Organisations',
  place: 'Places',
  other: 'Other names',
  money: 'Money',
  percent: 'Percentages',
  date: 'Dates and times',
  number: 'Numbers and quantities',
};

const BY_EXTRACTOR_TYPE: Record<string, MarkType> = {
  PER: 'person',
  ORG: 'org',
  LOC: 'place',
  MISC: 'other',
  MONEY: 'money',
  PERCENT: 'percent',
  DATE: 'date',
  TIME: 'date',
  CARDINAL: 'number',
  ORDINAL: 'number',
  QUANTITY: 'number',
};

/** The mark type of an extractor type (PER, MONEY, …); unknown types are painted as "other". */
export function markTypeOf(extractorType: string): MarkType {
  return BY_EXTRACTOR_TYPE[extractorType] ?? 'other';
}

export const highlightName = (type: MarkType): string => `lede-${type}`;

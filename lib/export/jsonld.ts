// Export to the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
// as one AnnotationCollection with its single page embedded. Everything Lede knows
// that the standard has no slot for travels under the `lede:` namespace, so that a
// Lede → file → Lede round trip loses nothing while other tools still read it.
import { offsetConverter, type OffsetConverter } from '../anchor/codepoints';
import type { Annotation, Article, HighlightColour, IsoTime, Selector, TextPositionSelector, TextQuoteSelector } from '../model/types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const LEDE_NS = 'https://lede.invalid/ns#';
export const LEDE_FORMAT_VERSION = 1;

/** Highlight colours as CSS, so other viewers can show them too. */
export const COLOUR_CSS: Record<HighlightColour, string> = {
  yellow: '#fff3a3',
  green: '#c8f2c2',
  blue: '#c5e3ff',
  pink: '#ffd0e4',
  purple: '#e3d4ff',
};

export const styleClassOf = (c: HighlightColour): string => `lede-${c}`;

export interface W3CTextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose: 'commenting' | 'tagging';
}

export interface W3CTarget {
  type: 'SpecificResource';
  source: string;
  styleClass: string;
  selector: (TextQuoteSelector | Omit<TextPositionSelector, 'unit'>)[];
}

export interface W3CAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: IsoTime;
  modified: IsoTime;
  body?: W3CTextualBody[];
  target: W3CTarget;
  stylesheet: { type: 'CssStylesheet'; value: string };
  'lede:articleId': string;
  'lede:colour': HighlightColour;
  /** The stored position selectors (usually UTF-16 units), which follow the quote selectors in `target.selector`. */
  'lede:positions'?: TextPositionSelector[];
  /** The selectors exactly as stored, only when they are not quotes then positions (rare). */
  'lede:selectors'?: Selector[];
}

export interface W3CAnnotationCollection {
  '@context': [typeof ANNO_CONTEXT, { lede: typeof LEDE_NS }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { id: string; type: 'Software'; name: 'Lede' };
  generated: IsoTime;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3CAnnotation[] };
  'lede:formatVersion': number;
  /** Every article the annotations point to, and any exported without annotations, as stored. */
  'lede:articles': Article[];
  /** Deleted annotations (tombstones) as stored, kept out of `items` so other tools do not show them. */
  'lede:deletedAnnotations': Annotation[];
}

export interface JsonLdOptions {
  generated: IsoTime;
  /** Id of the collection; a `urn:uuid:` IRI. */
  collectionId: string;
  label?: string;
  /**
   * The article's flat text, when the caller has it, to convert stored UTF-16
   * positions into the code points the W3C model counts. Without it, a position
   * stored only in UTF-16 units is left out of `target.selector` (the quote selector
   * still anchors it) rather than exported with a wrong number.
   */
  textFor?: (articleId: string) => string | undefined;
}

export const urnOf = (uuid: string): string => `urn:uuid:${uuid}`;

function bodiesOf(a: Annotation): W3CTextualBody[] {
  const bodies: W3CTextualBody[] = [];
  if (a.note !== '') bodies.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
  for (const t of a.tags) bodies.push({ type: 'TextualBody', value: t, format: 'text/plain', purpose: 'tagging' });
  return bodies;
}

function standardSelectors(a: Annotation, converter: () => OffsetConverter | undefined): W3CTarget['selector'] {
  const out: W3CTarget['selector'] = [];
  for (const s of a.selectors) if (s.type === 'TextQuoteSelector') out.push({ type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix });
  const positions = a.selectors.filter((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  const inCodepoints = positions.find((p) => p.unit === 'codepoint');
  if (inCodepoints) {
    out.push({ type: 'TextPositionSelector', start: inCodepoints.start, end: inCodepoints.end });
  } else {
    const utf16 = positions[0];
    const conv = utf16 ? converter() : undefined;
    if (utf16 && conv) out.push({ type: 'TextPositionSelector', start: conv.toCodepoint(utf16.start), end: conv.toCodepoint(utf16.end) });
  }
  return out;
}

export function toW3CAnnotation(a: Annotation, article: Article, converter: () => OffsetConverter | undefined = () => undefined): W3CAnnotation {
  const bodies = bodiesOf(a);
  const cls = styleClassOf(a.colour);
  const w: W3CAnnotation = {
    id: urnOf(a.id),
    type: 'Annotation',
    motivation: a.note !== '' ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.updated,
    target: { type: 'SpecificResource', source: article.url, styleClass: cls, selector: standardSelectors(a, converter) },
    stylesheet: { type: 'CssStylesheet', value: `.${cls} { background-color: ${COLOUR_CSS[a.colour]} }` },
    'lede:articleId': a.articleId,
    'lede:colour': a.colour,
  };
  // Quotes are already in target.selector; only the stored positions need carrying,
  // unless the stored order is unusual, in which case the whole list travels.
  const quotes = a.selectors.filter((x) => x.type === 'TextQuoteSelector').length;
  const positions = a.selectors.slice(quotes);
  if (positions.some((x) => x.type !== 'TextPositionSelector')) w['lede:selectors'] = a.selectors;
  else if (positions.length > 0) w['lede:positions'] = positions as TextPositionSelector[];
  if (bodies.length > 0) w.body = bodies;
  return w;
}

/**
 * The whole export. Annotations whose article is not given are left out (an
 * annotation without its page's address cannot be a valid W3C target).
 */
export function toAnnotationCollection(articles: readonly Article[], annotations: readonly Annotation[], opts: JsonLdOptions): W3CAnnotationCollection {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const converters = new Map<string, OffsetConverter | undefined>();
  const converterFor = (articleId: string) => (): OffsetConverter | undefined => {
    if (!converters.has(articleId)) {
      const text = opts.textFor?.(articleId);
      converters.set(articleId, text === undefined ? undefined : offsetConverter(text));
    }
    return converters.get(articleId);
  };
  const items: W3CAnnotation[] = [];
  const deleted: Annotation[] = [];
  for (const a of annotations) {
    const article = byId.get(a.articleId);
    if (!article) continue;
    if (a.deleted !== undefined) deleted.push(a);
    else items.push(toW3CAnnotation(a, article, converterFor(a.articleId)));
  }
  return {
    '@context': [ANNO_CONTEXT, { lede: LEDE_NS }],
    id: opts.collectionId,
    type: 'AnnotationCollection',
    label: opts.label ?? 'Lede highlights and notes',
    total: items.length,
    generator: { id: 'https://lede.invalid/', type: 'Software', name: 'Lede' },
    generated: opts.generated,
    first: { id: `${opts.collectionId}#page1`, type: 'AnnotationPage', startIndex: 0, items },
    'lede:formatVersion': LEDE_FORMAT_VERSION,
    'lede:articles': [...articles],
    'lede:deletedAnnotations': deleted,
  };
}

/** Compact JSON: indentation would add a third to the size of a large library. */
export function annotationCollectionJson(articles: readonly Article[], annotations: readonly Annotation[], opts: JsonLdOptions): string {
  return JSON.stringify(toAnnotationCollection(articles, annotations, opts));
}

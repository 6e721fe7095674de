// Reading W3C Web Annotation JSON-LD, Lede's own and other annotators'. The shapes
// the standard allows (a single Annotation, an AnnotationPage, an AnnotationCollection
// with its first page embedded, a bare array; one or many targets, selectors and
// bodies) are checked with valibot, then mapped to Lede records. Anything Lede cannot
// show (a target without a text quote, a whole-page bookmark) is skipped with a reason;
// anything of the wrong JSON type makes the whole file invalid.
import * as v from 'valibot';
import { isUuid, stableIdFrom } from '../model/ids';
import { normaliseTags } from '../model/records';
import { ColourSchema, describeIssues } from '../model/schema';
import type { HighlightColour, IsoTime, Selector } from '../model/types';
import { normaliseUrl } from '../model/url';

export class ImportFormatError extends Error {
  override name = 'ImportFormatError';
}

export interface Skip {
  id: string;
  kind: 'article' | 'annotation';
  reason: string;
}

/** Records as found in the file, not yet validated against the Lede schemas. */
export interface FileRecords {
  format: 'lede-jsonld' | 'w3c-jsonld' | 'lede-backup';
  articles: unknown[];
  annotations: unknown[];
  skipped: Skip[];
  /** Ids of articles made up from an annotation's page address alone; they never overwrite a library article. */
  placeholders: string[];
}

const str = v.string();
// The array comes first: valibot's looseObject would accept an array as an object.
const oneOrMany = <T extends v.GenericSchema>(s: T) => v.union([v.array(s), s]);
const typeField = v.optional(oneOrMany(str));

const W3CQuote = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(str, v.minLength(1, 'an empty quote')),
  prefix: v.optional(str),
  suffix: v.optional(str),
});
const nonNegInt = v.pipe(v.number(), v.integer(), v.minValue(0));
const W3CPosition = v.pipe(
  v.object({ type: v.literal('TextPositionSelector'), start: nonNegInt, end: nonNegInt }),
  v.check((p) => p.end >= p.start, 'a position ends before it starts'),
);
/** Any selector: only its type is read unless it is one Lede understands. */
const W3CSelector = v.looseObject({ type: str });

const W3CTargetObject = v.looseObject({
  type: typeField,
  source: v.optional(v.union([str, v.looseObject({ id: str })])),
  id: v.optional(str),
  selector: v.optional(oneOrMany(W3CSelector)),
  styleClass: v.optional(str),
});

const W3CBodyObject = v.looseObject({
  type: typeField,
  value: v.optional(str),
  purpose: v.optional(oneOrMany(str)),
});

const W3CAnnotation = v.looseObject({
  id: v.optional(str),
  '@id': v.optional(str),
  type: typeField,
  '@type': typeField,
  motivation: v.optional(oneOrMany(str)),
  created: v.optional(str),
  modified: v.optional(str),
  body: v.optional(oneOrMany(v.union([str, W3CBodyObject]))),
  bodyValue: v.optional(str),
  target: oneOrMany(v.union([str, W3CTargetObject])),
  'lede:articleId': v.optional(str),
  'lede:colour': v.optional(str),
  'lede:selectors': v.optional(v.array(v.unknown())),
  'lede:positions': v.optional(v.array(v.unknown())),
});
type W3CAnnotationIn = v.InferOutput<typeof W3CAnnotation>;

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function typesOf(x: unknown): string[] {
  if (!x || typeof x !== 'object') return [];
  const o = x as Record<string, unknown>;
  return [...asArray(o.type), ...asArray(o['@type'])].filter((t): t is string => typeof t === 'string');
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The annotations of the document, whatever container the standard allows. */
function itemsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isRecord(doc)) throw new ImportFormatError('The file is JSON but not an object or list of annotations.');
  const types = typesOf(doc);
  if (types.includes('Annotation')) return [doc];
  if (types.includes('AnnotationPage')) {
    if (!Array.isArray(doc.items)) throw new ImportFormatError('The AnnotationPage has no "items" list.');
    return doc.items;
  }
  if (types.includes('AnnotationCollection')) {
    if (Array.isArray(doc.items)) return doc.items;
    const first = doc.first;
    if (first === undefined) return [];
    if (typeof first === 'string') {
      throw new ImportFormatError(`The collection's annotations are not in the file (its first page is only a link, ${first.slice(0, 200)}).`);
    }
    if (!isRecord(first) || !Array.isArray(first.items)) throw new ImportFormatError('The collection\'s first page has no "items" list.');
    if (first.next !== undefined) throw new ImportFormatError('The collection has more pages than the file contains; export it as one page.');
    return first.items;
  }
  throw new ImportFormatError('Not a Web Annotation file: expected an Annotation, AnnotationPage or AnnotationCollection.');
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

function isoOr(value: string | undefined, fallback: IsoTime): IsoTime {
  if (value === undefined) return fallback;
  if (ISO_RE.test(value) && !Number.isNaN(Date.parse(value))) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

function idOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const m = /^urn:uuid:(.+)$/i.exec(raw);
  return m?.[1] && isUuid(m[1]) ? m[1] : stableIdFrom(raw);
}

interface Anchored {
  source: string;
  selectors: Selector[];
  styleClass?: string;
}

function anchorOf(a: W3CAnnotationIn, path: string): Anchored | string {
  const targets = asArray(a.target);
  let sawSource = false;
  for (const t of targets) {
    if (typeof t === 'string') continue;
    const source = typeof t.source === 'string' ? t.source : t.source?.id;
    if (!source) continue;
    sawSource = true;
    const selectors: Selector[] = [];
    for (const [i, s] of asArray(t.selector).entries()) {
      if (s.type === 'TextQuoteSelector') {
        const q = v.safeParse(W3CQuote, s);
        if (!q.success) throw new ImportFormatError(`${path}.target.selector[${i}]: ${describeIssues(q.issues)}`);
        selectors.push({ type: 'TextQuoteSelector', exact: q.output.exact, prefix: q.output.prefix ?? '', suffix: q.output.suffix ?? '' });
      } else if (s.type === 'TextPositionSelector') {
        const p = v.safeParse(W3CPosition, s);
        if (!p.success) throw new ImportFormatError(`${path}.target.selector[${i}]: ${describeIssues(p.issues)}`);
        selectors.push({ type: 'TextPositionSelector', start: p.output.start, end: p.output.end, unit: 'codepoint' });
      }
    }
    if (selectors.some((s) => s.type === 'TextQuoteSelector')) return { source, selectors, styleClass: t.styleClass };
  }
  return sawSource ? 'it has no text quote to find the passage by' : 'it points at a whole page or resource, not a passage of text';
}

function noteAndTags(a: W3CAnnotationIn): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  if (a.bodyValue !== undefined) notes.push(a.bodyValue);
  for (const b of asArray(a.body)) {
    if (typeof b === 'string' || b.value === undefined) continue;
    const purposes = asArray(b.purpose);
    if (purposes.includes('tagging')) tags.push(b.value);
    else notes.push(b.value);
  }
  return { note: notes.join('\n\n'), tags };
}

/** Lede's own colour field must name a Lede colour; another tool's style class is only a hint. */
function colourOf(a: W3CAnnotationIn, styleClass: string | undefined, path: string): HighlightColour {
  if (a['lede:colour'] !== undefined) {
    const own = v.safeParse(ColourSchema, a['lede:colour']);
    if (!own.success) throw new ImportFormatError(`${path}.lede:colour: ${describeIssues(own.issues)}`);
    return own.output;
  }
  const m = /(?:^|\s)lede-(\w+)/.exec(styleClass ?? '');
  const fromClass = v.safeParse(ColourSchema, m?.[1]);
  return fromClass.success ? fromClass.output : 'yellow';
}

/**
 * Lede records from a parsed JSON-LD document. Articles come from the file's
 * `lede:articles` when it is Lede's own; otherwise one is made per page address,
 * with a stable id so that importing the same file again finds it.
 */
export function fromW3C(doc: unknown, now: IsoTime): FileRecords {
  const items = itemsOf(doc);
  const root = isRecord(doc) ? doc : {};
  const ledeArticles = root['lede:articles'];
  const ledeDeleted = root['lede:deletedAnnotations'];
  if (ledeArticles !== undefined && !Array.isArray(ledeArticles)) throw new ImportFormatError('"lede:articles" must be a list.');
  if (ledeDeleted !== undefined && !Array.isArray(ledeDeleted)) throw new ImportFormatError('"lede:deletedAnnotations" must be a list.');
  const articles: unknown[] = [...(ledeArticles ?? [])];
  const knownArticleIds = new Set<string>();
  const articleIdByUrl = new Map<string, string>();
  for (const a of articles) {
    if (isRecord(a) && typeof a.id === 'string') {
      knownArticleIds.add(a.id);
      if (typeof a.url === 'string') articleIdByUrl.set(normaliseUrl(a.url), a.id);
    }
  }
  const made = new Map<string, { id: string; url: string; title: string; site: string; note: string; tags: string[]; created: IsoTime; updated: IsoTime }>();
  const annotations: unknown[] = [...(ledeDeleted ?? [])];
  const skipped: Skip[] = [];

  items.forEach((raw, i) => {
    const path = `items[${i}]`;
    if (!typesOf(raw).includes('Annotation')) {
      throw new ImportFormatError(`${path}: not an Annotation (type ${JSON.stringify(typesOf(raw))}).`);
    }
    const parsed = v.safeParse(W3CAnnotation, raw);
    if (!parsed.success) throw new ImportFormatError(`${path}: ${describeIssues(parsed.issues)}`);
    const a = parsed.output;
    const rawId = a.id ?? a['@id'];
    const anchored = anchorOf(a, path);
    if (typeof anchored === 'string') {
      skipped.push({ id: rawId ?? path, kind: 'annotation', reason: `Skipped: ${anchored}.` });
      return;
    }
    const created = isoOr(a.created, now);
    const updated = isoOr(a.modified, created);
    const url = normaliseUrl(anchored.source);
    const own = a['lede:articleId'];
    const isLede = own !== undefined && knownArticleIds.has(own);
    let articleId: string;
    if (isLede) {
      articleId = own;
    } else {
      articleId = articleIdByUrl.get(url) ?? stableIdFrom(`lede-article:${url}`);
      if (!articleIdByUrl.has(url)) {
        let site = '';
        try {
          site = new URL(url).hostname;
        } catch {
          site = '';
        }
        made.set(url, { id: articleId, url, title: '', site, note: '', tags: [], created, updated });
        articleIdByUrl.set(url, articleId);
      }
      const m = made.get(url);
      if (m) {
        if (created < m.created) m.created = created;
        if (updated > m.updated) m.updated = updated;
      }
    }
    const { note, tags } = noteAndTags(a);
    annotations.push({
      id: idOf(rawId) ?? stableIdFrom(`${url}\n${JSON.stringify(anchored.selectors)}\n${created}`),
      articleId,
      selectors: a['lede:selectors'] ?? (isLede ? [...anchored.selectors.filter((x) => x.type === 'TextQuoteSelector'), ...(a['lede:positions'] ?? [])] : anchored.selectors),
      colour: colourOf(a, anchored.styleClass, path),
      note,
      // Lede's own tags are stored already tidy; other tools' are tidied here.
      tags: isLede ? tags : normaliseTags(tags),
      created,
      updated,
    });
  });
  articles.push(...made.values());
  const isLedeFile = ledeArticles !== undefined;
  return { format: isLedeFile ? 'lede-jsonld' : 'w3c-jsonld', articles, annotations, skipped, placeholders: [...made.values()].map((m) => m.id) };
}

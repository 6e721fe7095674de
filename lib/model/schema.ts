// Valibot schemas for every record that crosses a trust boundary (import, backup
// restore, messages from content scripts). Limits are generous for real use and
// small enough that a hostile file cannot make one record enormous.
import * as v from 'valibot';
import { ENTITY_TYPES, HIGHLIGHT_COLOURS } from './types';
import type { Annotation, Article } from './types';

export const LIMITS = {
  url: 4096,
  title: 2000,
  site: 500,
  byline: 1000,
  published: 100,
  /** Notes are plain text; a million characters is a long essay. */
  note: 1_000_000,
  tag: 200,
  tagsPerRecord: 200,
  quote: 200_000,
  context: 20_000,
  selectorsPerAnnotation: 8,
  /** The most mentioned names of an article; the rest are rarely worth filtering by. */
  entitiesPerArticle: 100,
  entityName: 200,
} as const;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ISO 8601 date-time with seconds, optional fraction, Z or offset. */
const ISO_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

export const UuidSchema = v.pipe(v.string('an id must be a string'), v.regex(UUID_RE, 'an id must be a UUID'));

export const IsoTimeSchema = v.pipe(
  v.string('a time must be a string'),
  v.maxLength(40, 'a time is too long'),
  v.regex(ISO_TIME_RE, 'a time must be an ISO 8601 date-time such as 2026-11-25T17:42:00.000Z'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'a time must be a real date'),
);

const text = (max: number, what: string) =>
  v.pipe(v.string(`${what} must be a string`), v.maxLength(max, `${what} is longer than ${max} characters`));

export const TagsSchema = v.pipe(
  v.array(v.pipe(text(LIMITS.tag, 'a tag'), v.minLength(1, 'a tag may not be empty')), 'tags must be a list'),
  v.maxLength(LIMITS.tagsPerRecord, `more than ${LIMITS.tagsPerRecord} tags`),
);

export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(text(LIMITS.quote, 'a quote'), v.minLength(1, 'a quote may not be empty')),
  prefix: text(LIMITS.context, 'a quote prefix'),
  suffix: text(LIMITS.context, 'a quote suffix'),
});

const offset = v.pipe(v.number('an offset must be a number'), v.integer('an offset must be whole'), v.minValue(0, 'an offset may not be negative'));

export const TextPositionSelectorSchema = v.pipe(
  v.object({
    type: v.literal('TextPositionSelector'),
    start: offset,
    end: offset,
    unit: v.picklist(['utf16', 'codepoint'], 'a position unit must be utf16 or codepoint'),
  }),
  v.check((s) => s.end >= s.start, 'a position ends before it starts'),
);

export const SelectorSchema = v.variant('type', [TextQuoteSelectorSchema, TextPositionSelectorSchema], 'unknown selector type');

export const ColourSchema = v.picklist(HIGHLIGHT_COLOURS, `a colour must be one of ${HIGHLIGHT_COLOURS.join(', ')}`);

export const ArticleEntitySchema = v.object({
  type: v.picklist(ENTITY_TYPES, `an entity type must be one of ${ENTITY_TYPES.join(', ')}`),
  key: v.pipe(text(LIMITS.entityName, 'an entity key'), v.minLength(1, 'an entity key may not be empty')),
  label: v.pipe(text(LIMITS.entityName, 'an entity name'), v.minLength(1, 'an entity name may not be empty')),
  count: v.pipe(v.number('a mention count must be a number'), v.integer('a mention count must be whole'), v.minValue(1, 'a mention count must be at least 1')),
});

export const ArticleSchema = v.object({
  id: UuidSchema,
  url: v.pipe(text(LIMITS.url, 'a URL'), v.minLength(1, 'a URL may not be empty')),
  title: text(LIMITS.title, 'a title'),
  site: text(LIMITS.site, 'a site name'),
  byline: v.optional(text(LIMITS.byline, 'a byline')),
  published: v.optional(text(LIMITS.published, 'a published date')),
  note: text(LIMITS.note, 'an article note'),
  tags: TagsSchema,
  entities: v.optional(
    v.pipe(v.array(ArticleEntitySchema, 'entities must be a list'), v.maxLength(LIMITS.entitiesPerArticle, `more than ${LIMITS.entitiesPerArticle} entities`)),
  ),
  created: IsoTimeSchema,
  updated: IsoTimeSchema,
  deleted: v.optional(IsoTimeSchema),
});

export const AnnotationSchema = v.object({
  id: UuidSchema,
  articleId: UuidSchema,
  selectors: v.pipe(
    v.array(SelectorSchema, 'selectors must be a list'),
    v.maxLength(LIMITS.selectorsPerAnnotation, 'too many selectors'),
    v.check((ss) => ss.some((s) => s.type === 'TextQuoteSelector'), 'an annotation needs a TextQuoteSelector'),
  ),
  colour: ColourSchema,
  note: text(LIMITS.note, 'a note'),
  tags: TagsSchema,
  created: IsoTimeSchema,
  updated: IsoTimeSchema,
  deleted: v.optional(IsoTimeSchema),
});

// Compile-time proof that the schemas produce exactly the shared model types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const articleMatches: Same<v.InferOutput<typeof ArticleSchema>, Article> = true;
const annotationMatches: Same<v.InferOutput<typeof AnnotationSchema>, Annotation> = true;
void articleMatches;
void annotationMatches;

/** One readable line per problem, with where it is: "selectors.0.exact: a quote may not be empty". */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], max = 5): string {
  const lines = issues.slice(0, max).map((i) => {
    const path = i.path?.map((p) => String(p.key)).join('.') ?? '';
    return path ? `${path}: ${i.message}` : i.message;
  });
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join('; ');
}

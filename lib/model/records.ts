// Constructors and validators for the two records the reader creates.
import * as v from 'valibot';
import { newId, type UuidSource } from './ids';
import { AnnotationSchema, ArticleSchema, describeIssues, LIMITS } from './schema';
import { articleEntities, type FoundEntity } from './entities';
import type { Annotation, Article, HighlightColour, IsoTime, Selector, TextQuoteSelector } from './types';

export interface ArticleMeta {
  /** The identity URL (see articleIdentity); stored as given. */
  url: string;
  title: string;
  site: string;
  byline?: string;
  published?: string;
  /** The names the page's extraction found, if it ran. */
  entities?: readonly FoundEntity[];
}

export interface NewAnnotation {
  articleId: string;
  selectors: Selector[];
  colour?: HighlightColour;
  note?: string;
  tags?: string[];
}

export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
}

export function nowIso(clock: () => number = Date.now): IsoTime {
  return new Date(clock()).toISOString();
}

/** Tags as the reader means them: trimmed, inner spaces collapsed, no empties, no case-insensitive repeats. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.replace(/\s+/g, ' ').trim().slice(0, LIMITS.tag);
    const key = t.toLocaleLowerCase();
    if (!t || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out.slice(0, LIMITS.tagsPerRecord);
}

function clip(s: string | undefined, max: number): string | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
}

export function newArticle(meta: ArticleMeta, now: IsoTime, ids?: UuidSource): Article {
  const a: Article = {
    id: newId(ids),
    url: meta.url,
    title: clip(meta.title, LIMITS.title) ?? '',
    site: clip(meta.site, LIMITS.site) ?? '',
    note: '',
    tags: [],
    created: now,
    updated: now,
  };
  const byline = clip(meta.byline, LIMITS.byline);
  const published = clip(meta.published, LIMITS.published);
  if (byline) a.byline = byline;
  if (published) a.published = published;
  if (meta.entities) a.entities = articleEntities(meta.entities);
  return validateArticle(a);
}

export function newAnnotation(input: NewAnnotation, now: IsoTime, ids?: UuidSource): Annotation {
  return validateAnnotation({
    id: newId(ids),
    articleId: input.articleId,
    selectors: input.selectors,
    colour: input.colour ?? 'yellow',
    note: input.note ?? '',
    tags: normaliseTags(input.tags ?? []),
    created: now,
    updated: now,
  });
}

export function validateArticle(x: unknown): Article {
  const r = v.safeParse(ArticleSchema, x);
  if (!r.success) throw new InvalidRecordError(`Not a valid article: ${describeIssues(r.issues)}`);
  return r.output;
}

export function validateAnnotation(x: unknown): Annotation {
  const r = v.safeParse(AnnotationSchema, x);
  if (!r.success) throw new InvalidRecordError(`Not a valid annotation: ${describeIssues(r.issues)}`);
  return r.output;
}

export function quoteOf(a: Pick<Annotation, 'selectors'>): TextQuoteSelector {
  const q = a.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!q) throw new InvalidRecordError('An annotation without a TextQuoteSelector');
  return q;
}

export function isLive(r: { deleted?: IsoTime }): boolean {
  return r.deleted === undefined;
}

/** Orders two record times; ISO strings with different offsets compare by instant. */
export function compareTimes(a: IsoTime, b: IsoTime): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

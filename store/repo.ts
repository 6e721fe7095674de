// The library operations the background exposes as messages. Each write is one
// transaction that also refreshes the article's search words, and every failure
// comes out as a StoreError.
import { type UuidSource } from '../lib/model/ids';
import {
  compareTimes,
  newAnnotation,
  newArticle,
  normaliseTags,
  nowIso,
  quoteOf,
  validateAnnotation,
  validateArticle,
  type NewAnnotation,
} from '../lib/model/records';
import type { FoundEntity } from '../lib/model/entities';
import { queryWords, wordsOf } from '../lib/model/search-words';
import type { Annotation, Article, HighlightColour, IsoTime, Selector } from '../lib/model/types';
import { articleIdentity, normaliseUrl, type IdentityInput } from '../lib/model/url';
import { groupByArticle, searchEntry, type LedeDB } from './db';
import { notFound, StoreError, toStoreError } from './errors';
import { sameRecord } from '../lib/export/merge';

export interface PageMeta extends IdentityInput {
  title: string;
  site: string;
  byline?: string;
  published?: string;
  /** The people, organisations and places the page's extraction found, when it ran. */
  entities?: FoundEntity[];
}

export interface AnnotationPatch {
  note?: string;
  tags?: string[];
  colour?: HighlightColour;
  selectors?: Selector[];
}

export type ArticleSort = 'updated' | 'created' | 'title' | 'site' | 'highlights';

export interface ArticleFilter {
  /** Words matched as prefixes against titles, sites, bylines, notes, tags and quotes; all must match. */
  query?: string;
  /** Matches an article tag or a tag on any of its live highlights (case-insensitive). */
  tag?: string;
  site?: string;
  /** Articles with at least one live highlight of this colour. */
  colour?: HighlightColour;
  /** Words matched as prefixes against the names of the people, organisations and places the article mentions; all must match. */
  entity?: string;
  /** Inclusive bounds on the time the article was saved (`created`). */
  from?: IsoTime;
  to?: IsoTime;
  sort?: ArticleSort;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface ArticleSummary {
  article: Article;
  /** Live highlights. */
  highlights: number;
  /** Live highlights with a note, plus one if the article has a note. */
  notes: number;
}

export interface ArticlePage {
  /** Matching articles before limit/offset. */
  total: number;
  items: ArticleSummary[];
}

export interface SearchHit {
  article: Article;
  /** Live highlights whose quote, note or tags contain every query word. */
  annotations: Annotation[];
}

export interface RepoOptions {
  clock?: () => number;
  ids?: UuidSource;
}

function positionOf(a: Annotation): number {
  for (const s of a.selectors) if (s.type === 'TextPositionSelector') return s.start;
  return Number.MAX_SAFE_INTEGER;
}

function byReadingOrder(a: Annotation, b: Annotation): number {
  return positionOf(a) - positionOf(b) || compareTimes(a.created, b.created);
}

function matchesAllWords(haystack: string, words: readonly string[]): boolean {
  const have = wordsOf(haystack);
  return words.every((w) => have.some((h) => h.startsWith(w)));
}

export class LedeRepo {
  private readonly clock: () => number;
  private readonly ids: UuidSource | undefined;

  constructor(
    readonly db: LedeDB,
    opts: RepoOptions = {},
  ) {
    this.clock = opts.clock ?? Date.now;
    this.ids = opts.ids;
  }

  private now(): IsoTime {
    return nowIso(this.clock);
  }

  /** Runs `body` in one read-write transaction over every table it may touch, wrapping failures. */
  private async write<T>(doing: string, body: () => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction('rw', [this.db.articles, this.db.annotations, this.db.search], body);
    } catch (e) {
      throw toStoreError(e, doing);
    }
  }

  private async read<T>(doing: string, body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (e) {
      throw toStoreError(e, doing);
    }
  }

  /** Must run inside a write transaction. */
  private async reindex(articleId: string): Promise<void> {
    const article = await this.db.articles.get(articleId);
    if (!article) return;
    const annotations = await this.db.annotations.where('articleId').equals(articleId).toArray();
    await this.db.search.put(searchEntry(article, annotations));
  }

  private async liveArticle(id: string): Promise<Article> {
    const a = await this.db.articles.get(id);
    if (!a || a.deleted !== undefined) throw notFound('This article');
    return a;
  }

  private async liveAnnotation(id: string): Promise<Annotation> {
    const a = await this.db.annotations.get(id);
    if (!a || a.deleted !== undefined) throw notFound('This highlight');
    return a;
  }

  /**
   * Finds the article for a page (by its identity URL, or by its plain normalised
   * address for articles first saved before the page declared a canonical) or
   * creates it. Metadata the page now gives fills in or replaces what was stored.
   */
  async upsertArticle(meta: PageMeta): Promise<Article> {
    const identity = articleIdentity(meta).url;
    const plain = normaliseUrl(meta.url);
    return this.write('save the article', async () => {
      const existing =
        (await this.db.articles.where('url').equals(identity).first()) ??
        (plain !== identity ? await this.db.articles.where('url').equals(plain).first() : undefined);
      const now = this.now();
      if (!existing) {
        const created = newArticle({ url: identity, title: meta.title, site: meta.site, byline: meta.byline, published: meta.published, entities: meta.entities }, now, this.ids);
        await this.db.articles.add(created);
        await this.reindex(created.id);
        return created;
      }
      const fresh = newArticle(
        { url: existing.url, title: meta.title, site: meta.site, byline: meta.byline, published: meta.published, entities: meta.entities },
        now,
        { randomUUID: () => existing.id },
      );
      const merged: Article = { ...existing };
      if (fresh.title) merged.title = fresh.title;
      if (fresh.site) merged.site = fresh.site;
      if (fresh.byline) merged.byline = fresh.byline;
      if (fresh.published) merged.published = fresh.published;
      // The page's latest extraction names the article's people, organisations and places.
      if (fresh.entities && fresh.entities.length > 0) merged.entities = fresh.entities;
      // Revisiting an article the reader deleted brings it back.
      delete merged.deleted;
      const changed = !sameRecord(merged, existing);
      if (!changed) return existing;
      merged.updated = now;
      await this.db.articles.put(validateArticle(merged));
      await this.reindex(merged.id);
      return merged;
    });
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const a = await this.read('read the article', () => this.db.articles.get(id));
    return a && a.deleted === undefined ? a : undefined;
  }

  /** Accepts any form of the address (tracking parameters, AMP, mobile host). */
  async getArticleByUrl(url: string): Promise<Article | undefined> {
    const a = await this.read('read the article', () => this.db.articles.where('url').equals(normaliseUrl(url)).first());
    return a && a.deleted === undefined ? a : undefined;
  }

  async setArticleNote(id: string, note: string): Promise<Article> {
    return this.write('save the article note', async () => {
      const a = await this.liveArticle(id);
      const next = validateArticle({ ...a, note, updated: this.now() });
      await this.db.articles.put(next);
      await this.reindex(id);
      return next;
    });
  }

  async setArticleTags(id: string, tags: string[]): Promise<Article> {
    return this.write('save the article tags', async () => {
      const a = await this.liveArticle(id);
      const next = validateArticle({ ...a, tags: normaliseTags(tags), updated: this.now() });
      await this.db.articles.put(next);
      await this.reindex(id);
      return next;
    });
  }

  /** Tombstones the article and its highlights; `restoreArticle` undoes it. */
  async deleteArticle(id: string): Promise<Article> {
    return this.write('delete the article', async () => {
      const a = await this.liveArticle(id);
      const now = this.now();
      const next: Article = { ...a, deleted: now, updated: now };
      await this.db.articles.put(next);
      await this.db.annotations
        .where('articleId')
        .equals(id)
        .modify((ann: Annotation) => {
          if (ann.deleted === undefined) {
            ann.deleted = now;
            ann.updated = now;
          }
        });
      await this.reindex(id);
      return next;
    });
  }

  /** Brings back the article and the highlights deleted with it (same tombstone time). */
  async restoreArticle(id: string): Promise<Article> {
    return this.write('restore the article', async () => {
      const a = await this.db.articles.get(id);
      if (!a) throw notFound('This article');
      if (a.deleted === undefined) return a;
      const when = a.deleted;
      const now = this.now();
      const next: Article = { ...a, updated: now };
      delete next.deleted;
      await this.db.articles.put(next);
      await this.db.annotations
        .where('articleId')
        .equals(id)
        .modify((ann: Annotation) => {
          if (ann.deleted === when) {
            delete ann.deleted;
            ann.updated = now;
          }
        });
      await this.reindex(id);
      return next;
    });
  }

  async createAnnotation(input: NewAnnotation): Promise<Annotation> {
    return this.write('save the highlight', async () => {
      const article = await this.liveArticle(input.articleId);
      const a = newAnnotation(input, this.now(), this.ids);
      await this.db.annotations.add(a);
      await this.db.articles.put({ ...article, updated: a.created });
      await this.reindex(article.id);
      return a;
    });
  }

  async updateAnnotation(id: string, patch: AnnotationPatch): Promise<Annotation> {
    return this.write('save the highlight', async () => {
      const a = await this.liveAnnotation(id);
      const next: Annotation = { ...a, updated: this.now() };
      if (patch.note !== undefined) next.note = patch.note;
      if (patch.tags !== undefined) next.tags = normaliseTags(patch.tags);
      if (patch.colour !== undefined) next.colour = patch.colour;
      if (patch.selectors !== undefined) next.selectors = patch.selectors;
      const valid = validateAnnotation(next);
      await this.db.annotations.put(valid);
      await this.reindex(a.articleId);
      return valid;
    });
  }

  /** Keeps the record with a tombstone so that an import or sync can tell deleted from never-seen. */
  async deleteAnnotation(id: string): Promise<Annotation> {
    return this.write('delete the highlight', async () => {
      const a = await this.liveAnnotation(id);
      const now = this.now();
      const next: Annotation = { ...a, deleted: now, updated: now };
      await this.db.annotations.put(next);
      await this.reindex(a.articleId);
      return next;
    });
  }

  /** Undo of deleteAnnotation. */
  async restoreAnnotation(id: string): Promise<Annotation> {
    return this.write('restore the highlight', async () => {
      const a = await this.db.annotations.get(id);
      if (!a) throw notFound('This highlight');
      if (a.deleted === undefined) return a;
      const next: Annotation = { ...a, updated: this.now() };
      delete next.deleted;
      await this.db.annotations.put(next);
      await this.reindex(a.articleId);
      return next;
    });
  }

  /** Live highlights of one article in reading order. */
  async listAnnotations(articleId: string): Promise<Annotation[]> {
    const all = await this.read('read the highlights', () => this.db.annotations.where('articleId').equals(articleId).toArray());
    return all.filter((a) => a.deleted === undefined).sort(byReadingOrder);
  }

  private async idsMatching(query: string, index: 'words' | 'names' = 'words'): Promise<Set<string> | null> {
    const words = queryWords(query);
    if (words.length === 0) return null;
    let result: Set<string> | undefined;
    for (const w of words) {
      const ids = new Set<string>(await this.db.search.where(index).startsWith(w).primaryKeys());
      const prev: Set<string> | undefined = result;
      result = prev === undefined ? ids : new Set([...prev].filter((id) => ids.has(id)));
      if (result.size === 0) break;
    }
    return result ?? null;
  }

  async listArticles(filter: ArticleFilter = {}): Promise<ArticlePage> {
    return this.read('list the library', async () => {
      const [articles, annotations, matching, naming] = await Promise.all([
        this.db.articles.toArray(),
        this.db.annotations.toArray(),
        filter.query ? this.idsMatching(filter.query) : Promise.resolve(null),
        filter.entity ? this.idsMatching(filter.entity, 'names') : Promise.resolve(null),
      ]);
      const live = groupByArticle(annotations.filter((a) => a.deleted === undefined));
      const tag = filter.tag?.toLocaleLowerCase();
      const from = filter.from ? Date.parse(filter.from) : -Infinity;
      const to = filter.to ? Date.parse(filter.to) : Infinity;
      const items: ArticleSummary[] = [];
      for (const article of articles) {
        if (article.deleted !== undefined) continue;
        if (matching && !matching.has(article.id)) continue;
        if (naming && !naming.has(article.id)) continue;
        const anns = live.get(article.id) ?? [];
        if (filter.site !== undefined && article.site !== filter.site) continue;
        if (filter.colour && !anns.some((a) => a.colour === filter.colour)) continue;
        if (tag && !article.tags.some((t) => t.toLocaleLowerCase() === tag) && !anns.some((a) => a.tags.some((t) => t.toLocaleLowerCase() === tag))) continue;
        const created = Date.parse(article.created);
        if (created < from || created > to) continue;
        items.push({ article, highlights: anns.length, notes: anns.filter((a) => a.note.trim() !== '').length + (article.note.trim() ? 1 : 0) });
      }
      const sort = filter.sort ?? 'updated';
      const dir = (filter.order ?? (sort === 'title' || sort === 'site' ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
      const key: Record<ArticleSort, (a: ArticleSummary, b: ArticleSummary) => number> = {
        updated: (a, b) => compareTimes(a.article.updated, b.article.updated),
        created: (a, b) => compareTimes(a.article.created, b.article.created),
        title: (a, b) => a.article.title.localeCompare(b.article.title),
        site: (a, b) => a.article.site.localeCompare(b.article.site),
        highlights: (a, b) => a.highlights - b.highlights,
      };
      items.sort((a, b) => dir * key[sort](a, b) || b.article.updated.localeCompare(a.article.updated) || a.article.id.localeCompare(b.article.id));
      const offset = Math.max(0, filter.offset ?? 0);
      const limit = filter.limit ?? items.length;
      return { total: items.length, items: items.slice(offset, offset + limit) };
    });
  }

  /** Articles whose words match every query word, with the highlights that match. */
  async searchLibrary(query: string, limit = 50): Promise<SearchHit[]> {
    return this.read('search the library', async () => {
      const ids = await this.idsMatching(query);
      if (!ids || ids.size === 0) return [];
      const words = queryWords(query);
      const articles = (await this.db.articles.bulkGet([...ids])).filter((a): a is Article => a !== undefined && a.deleted === undefined);
      articles.sort((a, b) => compareTimes(b.updated, a.updated));
      const hits: SearchHit[] = [];
      for (const article of articles.slice(0, limit)) {
        const anns = await this.listAnnotations(article.id);
        hits.push({
          article,
          annotations: anns.filter((a) => matchesAllWords(`${quoteOf(a).exact} ${a.note} ${a.tags.join(' ')}`, words)),
        });
      }
      return hits;
    });
  }

  /** Every tag in use on live records, with how many records carry it. */
  async listTags(): Promise<{ tag: string; count: number }[]> {
    return this.read('list the tags', async () => {
      const counts = new Map<string, { tag: string; count: number }>();
      const add = (t: string): void => {
        const k = t.toLocaleLowerCase();
        const c = counts.get(k);
        if (c) c.count++;
        else counts.set(k, { tag: t, count: 1 });
      };
      await this.db.articles.each((a) => a.deleted === undefined && a.tags.forEach(add));
      await this.db.annotations.each((a) => a.deleted === undefined && a.tags.forEach(add));
      return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
    });
  }

  /**
   * Records for an export, tombstones included (exports decide what to show). With
   * ids, only those articles and their highlights.
   */
  async exportRecords(articleIds?: readonly string[]): Promise<{ articles: Article[]; annotations: Annotation[] }> {
    return this.read('read the library for export', async () => {
      if (!articleIds) return { articles: await this.db.articles.toArray(), annotations: await this.db.annotations.toArray() };
      const articles = (await this.db.articles.bulkGet([...articleIds])).filter((a): a is Article => a !== undefined);
      const annotations = await this.db.annotations.where('articleId').anyOf([...articleIds]).toArray();
      return { articles, annotations };
    });
  }
}

export { StoreError };

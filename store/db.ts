// Lede's IndexedDB database. Every schema change is a new version with an upgrade
// function; versions already shipped are never edited.
import Dexie, { type Table } from 'dexie';
import { nameWords, searchWords } from '../lib/model/search-words';
import type { Annotation, Article } from '../lib/model/types';

export interface SearchEntry {
  articleId: string;
  /** Words of the title, notes, quotes and tags (the library's search). */
  words: string[];
  /** Words of the people, organisations and places the article names (its entity filter); from v3. */
  names: string[];
}

/** The search entry of an article and its annotations (deleted highlights count for nothing). */
export function searchEntry(article: Article, annotations: readonly Annotation[]): SearchEntry {
  return { articleId: article.id, words: searchWords(article, annotations), names: nameWords(article) };
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const DB_NAME = 'lede';

/** Exported for the upgrade test, which must build a database exactly as version 1 shipped it. */
export const V1_STORES = {
  articles: 'id, &url, updated, *tags',
  annotations: 'id, articleId, updated, *tags',
} as const;

/**
 * v2 adds the search index and a settings table, and drops the annotations' `updated`
 * index, which nothing queries: every index costs time on each write, and an import
 * may write a hundred thousand annotations.
 */
export const V2_STORES = {
  articles: 'id, &url, updated, *tags',
  annotations: 'id, articleId, *tags',
  search: 'articleId, *words',
  meta: 'key',
} as const;

/**
 * v3: articles carry the people, organisations and places they name (`entities`), and the
 * search table indexes their words (`names`) for the library's entity filter.
 */
export const V3_STORES = {
  articles: 'id, &url, updated, *tags',
  annotations: 'id, articleId, *tags',
  search: 'articleId, *words, *names',
  meta: 'key',
} as const;

export const CURRENT_VERSION = 3;

export interface DexieDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export class LedeDB extends Dexie {
  declare articles: Table<Article, string>;
  declare annotations: Table<Annotation, string>;
  declare search: Table<SearchEntry, string>;
  declare meta: Table<MetaEntry, string>;

  constructor(name: string = DB_NAME, deps?: DexieDeps) {
    super(name, deps);
    this.version(1).stores(V1_STORES);
    // v2: the library's full-text search index and a settings table; the upgrade
    // indexes every article already saved, so search works on old data at once.
    this.version(2)
      .stores(V2_STORES)
      .upgrade(async (tx) => {
        const articles = (await tx.table('articles').toArray()) as Article[];
        const annotations = (await tx.table('annotations').toArray()) as Annotation[];
        const byArticle = groupByArticle(annotations);
        await tx.table('search').bulkPut(articles.map((a) => ({ articleId: a.id, words: searchWords(a, byArticle.get(a.id) ?? []) })));
        await tx.table('meta').put({ key: 'upgradedTo2', value: new Date().toISOString() } satisfies MetaEntry);
      });
    // v3: every search entry gets the words of its article's names. Articles saved before v3
    // have no names yet (the page's extraction was not kept); they gain them when the reader
    // next highlights or writes on the article.
    this.version(3)
      .stores(V3_STORES)
      .upgrade(async (tx) => {
        const articles = new Map(((await tx.table('articles').toArray()) as Article[]).map((a) => [a.id, a]));
        await tx
          .table('search')
          .toCollection()
          .modify((entry: Partial<SearchEntry> & { articleId: string }) => {
            entry.names = nameWords(articles.get(entry.articleId) ?? {});
          });
        await tx.table('meta').put({ key: 'upgradedTo3', value: new Date().toISOString() } satisfies MetaEntry);
      });
  }
}

export function groupByArticle(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const m = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = m.get(a.articleId);
    if (list) list.push(a);
    else m.set(a.articleId, [a]);
  }
  return m;
}

// The library page's in-memory view of the database: one entry per live article with
// its counts, colours, tags and search words, built once when the records load. Search
// and filters then run synchronously over a thousand entries instead of going back to
// IndexedDB on every keystroke (bench/library.ts measures both ways).
import { entityId } from '../model/entities';
import { nameWords, searchWords } from '../model/search-words';
import type { Annotation, Article, EntityType, HighlightColour } from '../model/types';

export interface LibraryEntry {
  article: Article;
  /** Live highlights. */
  highlights: number;
  /** Live highlights with a note, plus one if the article has a note (as LedeRepo.listArticles counts). */
  notes: number;
  colours: ReadonlySet<HighlightColour>;
  /** Article and highlight tags, lower-cased, for the tag filter. */
  tagKeys: ReadonlySet<string>;
  /** Every tag as first written (article tags first), for display and the tag list. */
  allTags: readonly string[];
  /** Time of saving, as a number, for date filters and sorting. */
  createdMs: number;
  updatedMs: number;
}

export interface Catalogue {
  entries: readonly LibraryEntry[];
  /** Live highlights over all entries; undefined for a first view of part of the library. */
  annotations: number | undefined;
  /** False for a first view built from the newest articles only. */
  complete: boolean;
  /**
   * The same words the Dexie search index holds for an entry, sorted so that a prefix is
   * found by binary search. Worked out on first use: the first view needs none of them.
   */
  words(entry: LibraryEntry): readonly string[];
  /** The words of the names the entry's article mentions (the entity filter's), sorted, on first use. */
  names(entry: LibraryEntry): readonly string[];
  /** The entry's live highlights, in the order they were stored. */
  highlightsOf(entry: LibraryEntry): readonly Annotation[];
}

/** `partial`: the articles are some of the library's (a first view), with all their annotations. */
export function buildCatalogue(articles: readonly Article[], annotations: readonly Annotation[], partial = false): Catalogue {
  const byArticle = new Map<string, Annotation[]>();
  let liveAnnotations = 0;
  for (const a of annotations) {
    if (a.deleted !== undefined) continue;
    const list = byArticle.get(a.articleId);
    if (list) list.push(a);
    else byArticle.set(a.articleId, [a]);
  }
  const entries: LibraryEntry[] = [];
  for (const article of articles) {
    if (article.deleted !== undefined) continue;
    const anns = byArticle.get(article.id) ?? [];
    liveAnnotations += anns.length;
    const colours = new Set<HighlightColour>();
    const tagKeys = new Set<string>();
    const allTags: string[] = [];
    const addTag = (t: string): void => {
      const k = t.toLocaleLowerCase();
      if (tagKeys.has(k)) return;
      tagKeys.add(k);
      allTags.push(t);
    };
    article.tags.forEach(addTag);
    let notes = article.note.trim() ? 1 : 0;
    for (const a of anns) {
      colours.add(a.colour);
      a.tags.forEach(addTag);
      if (a.note.trim()) notes++;
    }
    entries.push({
      article,
      highlights: anns.length,
      notes,
      colours,
      tagKeys,
      allTags,
      createdMs: Date.parse(article.created),
      updatedMs: Date.parse(article.updated),
    });
  }
  const cache = new Map<LibraryEntry, readonly string[]>();
  const words = (entry: LibraryEntry): readonly string[] => {
    let w = cache.get(entry);
    if (!w) {
      w = searchWords(entry.article, byArticle.get(entry.article.id) ?? []).sort();
      cache.set(entry, w);
    }
    return w;
  };
  const nameCache = new Map<LibraryEntry, readonly string[]>();
  const names = (entry: LibraryEntry): readonly string[] => {
    let w = nameCache.get(entry);
    if (!w) {
      w = nameWords(entry.article).sort();
      nameCache.set(entry, w);
    }
    return w;
  };
  const highlightsOf = (entry: LibraryEntry): readonly Annotation[] => byArticle.get(entry.article.id) ?? [];
  return { entries, annotations: partial ? undefined : liveAnnotations, complete: !partial, words, names, highlightsOf };
}

/** Whether a sorted word list holds a word starting with `prefix`. */
export function hasPrefix(sorted: readonly string[], prefix: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.startsWith(prefix);
}

export interface EntityFacet {
  type: EntityType;
  label: string;
  /** Articles that name it. */
  count: number;
}

export interface Facets {
  tags: { tag: string; count: number }[];
  sites: { site: string; count: number }[];
  /** People, organisations and places, named in most articles first. */
  entities: EntityFacet[];
}

/** The tags, sites and names in use, most used first, for the filter menus. */
export function facetsOf(catalogue: Catalogue): Facets {
  const tags = new Map<string, { tag: string; count: number }>();
  const sites = new Map<string, { site: string; count: number }>();
  const entities = new Map<string, EntityFacet>();
  for (const e of catalogue.entries) {
    for (const n of e.article.entities ?? []) {
      const id = entityId(n);
      const c = entities.get(id);
      if (c) c.count++;
      else entities.set(id, { type: n.type, label: n.label, count: 1 });
    }
    for (const t of e.allTags) {
      const k = t.toLocaleLowerCase();
      const c = tags.get(k);
      if (c) c.count++;
      else tags.set(k, { tag: t, count: 1 });
    }
    const site = e.article.site;
    if (!site) continue;
    const s = sites.get(site);
    if (s) s.count++;
    else sites.set(site, { site, count: 1 });
  }
  return {
    tags: [...tags.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    sites: [...sites.values()].sort((a, b) => b.count - a.count || a.site.localeCompare(b.site)),
    entities: [...entities.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}

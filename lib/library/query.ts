// What the reader asked the library for (search words, filters, sort) and the entries
// that answer it. The semantics follow LedeRepo.listArticles: every query word must be a
// prefix of some word of the article; the entity filter works the same way on the names of the
// people, organisations and places the article mentions; the tag filter matches article or highlight tags;
// the date range bounds the day the article was saved, both ends inclusive.
import { quoteOf } from '../model/records';
import { queryWords, wordsOf } from '../model/search-words';
import type { HighlightColour } from '../model/types';
import { hasPrefix, type Catalogue, type LibraryEntry } from './catalogue';

export type LibrarySort = 'updated' | 'created' | 'title' | 'site' | 'highlights';

export interface LibraryQuery {
  text: string;
  tag?: string;
  site?: string;
  colour?: HighlightColour;
  /** Names of people, organisations or places: every word a prefix of a word of a name the article mentions. */
  entity?: string;
  /** Calendar dates "YYYY-MM-DD" in the reader's zone, as a date input gives them. */
  from?: string;
  to?: string;
  sort: LibrarySort;
  order: 'asc' | 'desc';
}

export const DEFAULT_QUERY: LibraryQuery = { text: '', sort: 'updated', order: 'desc' };

/** Natural direction of each sort: newest and most first, names A to Z. */
export function defaultOrder(sort: LibrarySort): 'asc' | 'desc' {
  return sort === 'title' || sort === 'site' ? 'asc' : 'desc';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Start (or, with `end`, the last millisecond) of a calendar day in the zone `offsetMinutes` gives (Date#getTimezoneOffset). */
export function dayBound(day: string | undefined, end: boolean, offsetMinutes = 0): number | undefined {
  const m = day ? DAY.exec(day) : null;
  if (!m) return undefined;
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + offsetMinutes * 60_000;
  return end ? start + 86_400_000 - 1 : start;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const COMPARE: Record<LibrarySort, (a: LibraryEntry, b: LibraryEntry) => number> = {
  updated: (a, b) => a.updatedMs - b.updatedMs,
  created: (a, b) => a.createdMs - b.createdMs,
  title: (a, b) => collator.compare(a.article.title, b.article.title),
  site: (a, b) => collator.compare(a.article.site, b.article.site),
  highlights: (a, b) => a.highlights - b.highlights,
};

export function runQuery(catalogue: Catalogue, q: LibraryQuery, offsetMinutes = 0): LibraryEntry[] {
  const words = queryWords(q.text);
  const names = queryWords(q.entity ?? '');
  const tag = q.tag?.toLocaleLowerCase();
  const from = dayBound(q.from, false, offsetMinutes) ?? -Infinity;
  const to = dayBound(q.to, true, offsetMinutes) ?? Infinity;
  const out: LibraryEntry[] = [];
  for (const e of catalogue.entries) {
    if (q.site !== undefined && e.article.site !== q.site) continue;
    if (q.colour !== undefined && !e.colours.has(q.colour)) continue;
    if (tag !== undefined && !e.tagKeys.has(tag)) continue;
    if (e.createdMs < from || e.createdMs > to) continue;
    if (names.length > 0 && !names.every((w) => hasPrefix(catalogue.names(e), w))) continue;
    if (words.length > 0 && !words.every((w) => hasPrefix(catalogue.words(e), w))) continue;
    out.push(e);
  }
  const dir = q.order === 'asc' ? 1 : -1;
  const key = COMPARE[q.sort];
  // Ties fall back to newest first, then id, so the order never flickers between renders.
  out.sort((a, b) => dir * key(a, b) || b.updatedMs - a.updatedMs || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  return out;
}

/** Whether the query narrows the library at all (the export buttons then say "selection"). */
export function isFiltered(q: LibraryQuery): boolean {
  return queryWords(q.text).length > 0 || queryWords(q.entity ?? '').length > 0 || q.tag !== undefined || q.site !== undefined || q.colour !== undefined || !!q.from || !!q.to;
}

export interface Preview {
  /** Where the text comes from. */
  kind: 'quote' | 'note' | 'article-note';
  text: string;
}

/**
 * A line under an article's title: with search words, the highlight (quote, else its note)
 * or article note that holds them all, else one that holds the most of them (the others
 * being in the title or elsewhere); without, the article note or the first highlight.
 */
export function previewOf(catalogue: Catalogue, entry: LibraryEntry, text: string): Preview | undefined {
  const words = queryWords(text);
  const highlights = catalogue.highlightsOf(entry);
  const note = entry.article.note.trim();
  if (words.length === 0) {
    if (note) return { kind: 'article-note', text: note };
    const first = highlights[0];
    return first ? { kind: 'quote', text: quoteOf(first).exact } : undefined;
  }
  const candidates: Preview[] = [];
  for (const h of highlights) {
    candidates.push({ kind: 'quote', text: quoteOf(h).exact });
    if (h.note) candidates.push({ kind: 'note', text: h.note });
  }
  if (note) candidates.push({ kind: 'article-note', text: note });
  let best: Preview | undefined;
  let bestCount = 0;
  for (const c of candidates) {
    const have = wordsOf(c.text);
    const n = words.filter((w) => have.some((h) => h.startsWith(w))).length;
    if (n === words.length) return c;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

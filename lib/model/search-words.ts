// The words the library's full-text search matches: one list per article, drawn from
// its title, site, byline, note and tags and from its live highlights' quotes, notes
// and tags. Stored in a multi-entry index, so matching is by word prefix.
import type { Annotation, Article } from './types';

const MIN_WORD = 2;
const MAX_WORD = 40;
/** A very long note could otherwise make one index entry enormous. */
const MAX_WORDS_PER_ARTICLE = 20_000;

/** Lower-cased, accent-folded letter/digit runs. */
export function wordsOf(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLocaleLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function searchWords(article: Article, annotations: readonly Annotation[]): string[] {
  const words = new Set<string>();
  const add = (text: string | undefined): void => {
    if (!text) return;
    for (const w of wordsOf(text)) {
      if (words.size >= MAX_WORDS_PER_ARTICLE) return;
      if (w.length >= MIN_WORD) words.add(w.slice(0, MAX_WORD));
    }
  };
  add(article.title);
  add(article.site);
  add(article.byline);
  add(article.note);
  for (const t of article.tags) add(t);
  for (const a of annotations) {
    if (a.deleted !== undefined) continue;
    for (const s of a.selectors) if (s.type === 'TextQuoteSelector') add(s.exact);
    add(a.note);
    for (const t of a.tags) add(t);
  }
  return [...words];
}

/**
 * The words of the names an article mentions (labels and canonical keys of its people,
 * organisations and places), for the entity filter: "xi" finds articles naming Xi Jinping,
 * "xi putin" those naming both.
 */
export function nameWords(article: Pick<Article, 'entities'>): string[] {
  const words = new Set<string>();
  for (const e of article.entities ?? []) {
    for (const w of wordsOf(`${e.label} ${e.key}`)) if (w.length >= MIN_WORD) words.add(w.slice(0, MAX_WORD));
  }
  return [...words];
}

/** Query words, each matched as a prefix; one-letter words are dropped as they match everything. */
export function queryWords(query: string): string[] {
  return [...new Set(wordsOf(query).filter((w) => w.length >= MIN_WORD).map((w) => w.slice(0, MAX_WORD)))];
}

// The library page's reads: both tables in one read transaction, turned into the
// in-memory catalogue; as a Dexie liveQuery it refreshes after any write in any context.
import { liveQuery, type Observable } from 'dexie';
import { buildCatalogue, type Catalogue } from '../../lib/library/catalogue';
import type { LedeDB } from '../../store/db';

export async function loadCatalogue(db: LedeDB): Promise<Catalogue> {
  const start = performance.now();
  const [articles, annotations] = await db.transaction('r', [db.articles, db.annotations], () => Promise.all([db.articles.toArray(), db.annotations.toArray()]));
  const read = performance.now();
  const catalogue = buildCatalogue(articles, annotations);
  // The benchmark splits the first view's time with these.
  performance.measure('lede:library-read', { start, end: read });
  performance.measure('lede:library-build', { start: read, end: performance.now() });
  return catalogue;
}

/**
 * The first view: the `rows` live articles changed most recently (what the default sort
 * shows first) with their highlights, so that the list appears before the whole library
 * is read; loadCatalogue's answer then replaces it. The articles come from the `updated`
 * index, newest first, so only a screenful of records is read and decoded; the highlights
 * are one getAll per article.
 */
export async function loadFirstView(db: LedeDB, rows: number): Promise<Catalogue> {
  const start = performance.now();
  await db.open();
  performance.measure('lede:library-db-open', { start, end: performance.now() });
  const [articles, annotations] = await db.transaction('r', [db.articles, db.annotations], async () => {
    const newest = await db.articles
      .orderBy('updated')
      .reverse()
      .filter((a) => a.deleted === undefined)
      .limit(rows)
      .toArray();
    const perArticle = await Promise.all(newest.map((a) => db.annotations.where('articleId').equals(a.id).toArray()));
    return [newest, perArticle.flat()] as const;
  });
  const catalogue = buildCatalogue(articles, annotations, true);
  performance.measure('lede:library-first-read', { start, end: performance.now() });
  return catalogue;
}

export function liveCatalogue(db: LedeDB): Observable<Catalogue> {
  return liveQuery(() => loadCatalogue(db));
}

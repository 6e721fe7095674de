// The library page's reads: both tables in one read transaction, turned into the
// in-memory catalogue; as a Dexie liveQuery it refreshes after any write in any context.
import { liveQuery, type Observable } from 'dexie';
import { buildCatalogue, newestIds, type Catalogue } from '../../lib/library/catalogue';
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
 * The first view: every article, but the highlights of only the `rows` newest (the rows
 * the default sort shows first), so that the list appears before the whole highlights
 * table is read. The rest of the entries are marked pending until loadCatalogue's answer.
 */
export async function loadFirstView(db: LedeDB, rows: number): Promise<Catalogue> {
  const start = performance.now();
  const articles = await db.articles.toArray();
  const ids = newestIds(articles, rows);
  const annotations = ids.length ? await db.annotations.where('articleId').anyOf(ids).toArray() : [];
  const catalogue = buildCatalogue(articles, annotations, new Set(ids));
  performance.measure('lede:library-first-read', { start, end: performance.now() });
  return catalogue;
}

export function liveCatalogue(db: LedeDB): Observable<Catalogue> {
  return liveQuery(() => loadCatalogue(db));
}

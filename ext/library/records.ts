// The library page's reads: both tables in one read transaction, turned into the
// in-memory catalogue; as a Dexie liveQuery it refreshes after any write in any context.
import { liveQuery, type Observable } from 'dexie';
import { buildCatalogue, newestLive, type Catalogue } from '../../lib/library/catalogue';
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
 * The first view: the `rows` articles changed most recently (what the default sort shows
 * first) with their highlights, so that the list appears before the whole highlights
 * table is read; loadCatalogue's answer then replaces it. Every read is a getAll, never a
 * cursor: in Chromium each cursor step is a round trip to the browser process.
 */
export async function loadFirstView(db: LedeDB, rows: number): Promise<Catalogue> {
  const start = performance.now();
  await db.open();
  performance.measure('lede:library-db-open', { start, end: performance.now() });
  const [articles, annotations] = await db.transaction('r', [db.articles, db.annotations], async () => {
    const newest = newestLive(await db.articles.toArray(), rows);
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

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

export function liveCatalogue(db: LedeDB): Observable<Catalogue> {
  return liveQuery(() => loadCatalogue(db));
}

// Test helpers: each database lives in its own in-memory IndexedDB (fake-indexeddb),
// so tests never see each other's data.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LedeDB, type DexieDeps } from './db';

export function memoryDeps(): DexieDeps {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function memoryDb(name = 'lede-test', deps: DexieDeps = memoryDeps()): LedeDB {
  return new LedeDB(name, deps);
}

/** A clock that moves one second per call, so every write gets a distinct, ordered time. */
export function steppingClock(startIso = '2026-01-01T00:00:00.000Z', stepMs = 1000): () => number {
  let t = Date.parse(startIso) - stepMs;
  return () => (t += stepMs);
}

/** Everything in the database, sorted, to compare before and after an operation. */
export async function dump(db: LedeDB): Promise<unknown> {
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    articles: (await db.articles.toArray()).sort(byId),
    annotations: (await db.annotations.toArray()).sort(byId),
    search: (await db.search.toArray()).sort((a, b) => (a.articleId < b.articleId ? -1 : 1)),
  };
}

// The extension's real IndexedDB as the tests see it: read and cleared from any extension
// page with the plain IndexedDB API, so that the pages need expose nothing to tests.
import type { Page } from '@playwright/test';

export interface LibraryRecords {
  articles: { id: string }[];
  annotations: { id: string }[];
}

export interface LibraryDigest {
  articles: number;
  annotations: number;
  sha256: string;
}

type Action = 'records' | 'digest' | 'wipe';

/** One page function for every action: functions passed to evaluate cannot share helpers. */
function inPage(page: Page, action: Action): Promise<LibraryRecords | LibraryDigest | null> {
  return page.evaluate(async (action) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lede');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (action === 'wipe') {
        const tx = db.transaction([...db.objectStoreNames], 'readwrite');
        for (const s of db.objectStoreNames) tx.objectStore(s).clear();
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        return null;
      }
      const tx = db.transaction(['articles', 'annotations']);
      const all = (store: string) =>
        new Promise<{ id: string }[]>((resolve, reject) => {
          const request = tx.objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as { id: string }[]);
          request.onerror = () => reject(request.error);
        });
      // getAll answers in key (id) order.
      const [articles, annotations] = await Promise.all([all('articles'), all('annotations')]);
      if (action === 'records') return { articles, annotations };
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify([articles, annotations]))));
      return { articles: articles.length, annotations: annotations.length, sha256: [...hash].map((b) => b.toString(16).padStart(2, '0')).join('') };
    } finally {
      db.close();
    }
  }, action);
}

/** Every article and annotation record, in id order. */
export async function records(page: Page): Promise<LibraryRecords> {
  return (await inPage(page, 'records')) as LibraryRecords;
}

/** A SHA-256 of every article and annotation record, to tell "unchanged" without copying 100,000 records out of the page. */
export async function digest(page: Page): Promise<LibraryDigest> {
  return (await inPage(page, 'digest')) as LibraryDigest;
}

/** A new machine, or a reader who cleared the browser's data: every table emptied. */
export async function wipe(page: Page): Promise<void> {
  await inPage(page, 'wipe');
}

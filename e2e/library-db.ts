// The extension's real IndexedDB as the tests see it: read and cleared from any extension
// page with the plain IndexedDB API, so that the pages need expose nothing to tests.
import type { Page } from '@playwright/test';

export interface LibraryRecords {
  articles: { id: string }[];
  annotations: { id: string }[];
}

/** Every article and annotation record, sorted by id. */
export async function records(page: Page): Promise<LibraryRecords> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lede');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['articles', 'annotations']);
    const all = (store: string) =>
      new Promise<{ id: string }[]>((resolve, reject) => {
        const request = tx.objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as { id: string }[]);
        request.onerror = () => reject(request.error);
      });
    const [articles, annotations] = await Promise.all([all('articles'), all('annotations')]);
    db.close();
    const order = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return { articles: articles.sort(order), annotations: annotations.sort(order) };
  });
}

/** A new machine, or a reader who cleared the browser's data: every table emptied. */
export async function wipe(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lede');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stores = [...db.objectStoreNames];
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) tx.objectStore(s).clear();
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

/** A SHA-256 of every article and annotation record, to tell "unchanged" without copying 100,000 records out of the page. */
export async function digest(page: Page): Promise<{ articles: number; annotations: number; sha256: string }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lede');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['articles', 'annotations']);
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = tx.objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [articles, annotations] = await Promise.all([all('articles'), all('annotations')]);
    db.close();
    const bytes = new TextEncoder().encode(JSON.stringify([articles, annotations]));
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return { articles: articles.length, annotations: annotations.length, sha256: [...hash].map((b) => b.toString(16).padStart(2, '0')).join('') };
  });
}

// Importing a Lede JSON-LD export, another annotator's W3C JSON-LD or a Lede backup.
// The whole file is read and validated before the database is touched; the writes
// then happen in one transaction, so an error at any point leaves the library as it was.
import {
  DEFAULT_MAX_BYTES,
  ImportFormatError,
  readLibraryFile,
  tooLargeMessage,
  type ImportProgress,
} from '../lib/export/library-file';
import { failedReport, planMerge, type ImportReport, type MergeOptions } from '../lib/export/merge';
import { nowIso } from '../lib/model/records';
import type { Article } from '../lib/model/types';
import type { Table } from 'dexie';
import { groupByArticle, searchEntry, type LedeDB } from './db';
import { toStoreError } from './errors';

export type { ImportReport };

export interface ImportOptions extends MergeOptions {
  /** Largest file accepted, in bytes (UTF-8). Default DEFAULT_MAX_BYTES (256 MiB); a file of exactly the limit is accepted. */
  maxBytes?: number;
  /** Called when the file is being read, as validation advances, and as each slice of records is written. */
  onProgress?: ImportProgress;
  clock?: () => number;
}

/**
 * Bulk operations a slice at a time inside the transaction: the pending-request
 * queue stays short (fake-indexeddb, which the tests use, is quadratic in it) and
 * memory stays bounded in browsers too.
 */
const SLICE = 2000;

async function inSlices<T, R>(items: readonly T[], run: (slice: T[]) => Promise<R[]>, written?: (n: number) => void): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += SLICE) {
    const slice = items.slice(i, i + SLICE);
    for (const r of await run(slice)) out.push(r);
    written?.(slice.length);
  }
  return out;
}

/** Reading the whole table in one request beats one get per id once the file is as big as the table. */
async function lookup<T extends { id: string }>(table: Table<T, string>, ids: readonly string[]): Promise<(T | undefined)[]> {
  if (ids.length === 0) return [];
  if ((await table.count()) <= ids.length) return table.toArray();
  return inSlices(ids, (slice) => table.bulkGet(slice));
}

export async function importFile(db: LedeDB, input: string | Blob, opts: ImportOptions = {}): Promise<ImportReport> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    if (typeof input !== 'string' && input.size > maxBytes) return failedReport(tooLargeMessage(input.size, maxBytes));
    opts.onProgress?.(0, 1, 'reading');
    const text = typeof input === 'string' ? input : await input.text();
    const file = await readLibraryFile(text, { now: nowIso(opts.clock), maxBytes, onProgress: opts.onProgress });
    const report = await db.transaction('rw', [db.articles, db.annotations, db.search], async () => {
      const articleIds = file.articles.map((a) => a.id);
      const urls = [...new Set(file.articles.map((a) => a.url))];
      const [byId, byUrl, annotations] = await Promise.all([
        lookup(db.articles, articleIds),
        urls.length ? db.articles.where('url').anyOf(urls).toArray() : Promise.resolve([] as Article[]),
        lookup(db.annotations, file.annotations.map((a) => a.id)),
      ]);
      const plan = planMerge(file, {
        articlesById: new Map([...byId, ...byUrl].filter((a): a is Article => a !== undefined).map((a) => [a.id, a])),
        articlesByUrl: new Map(byUrl.map((a) => [a.url, a])),
        annotationsById: new Map(annotations.filter((a) => a !== undefined).map((a) => [a.id, a])),
      }, opts);
      const touched = [...new Set([...plan.articles.map((a) => a.id), ...plan.annotations.map((a) => a.articleId)])];
      // Records, then the search entries of the articles they touch.
      const toWrite = plan.articles.length + plan.annotations.length + touched.length;
      let written = 0;
      const progress = (n: number): void => {
        written += n;
        opts.onProgress?.(written, toWrite, 'writing');
      };
      await inSlices(plan.articles, async (slice) => [await db.articles.bulkPut(slice)], progress);
      await inSlices(plan.annotations, async (slice) => [await db.annotations.bulkPut(slice)], progress);
      if (touched.length) {
        const arts = await inSlices(touched, (ids) => db.articles.bulkGet(ids));
        // One range read per article: Dexie's anyOf walks a cursor, far slower here.
        const anns = await inSlices(touched, async (ids) => (await Promise.all(ids.map((id) => db.annotations.where('articleId').equals(id).toArray()))).flat());
        const grouped = groupByArticle(anns);
        const entries = arts.filter((a): a is Article => a !== undefined).map((a) => searchEntry(a, grouped.get(a.id) ?? []));
        await inSlices(entries, async (slice) => [await db.search.bulkPut(slice)], progress);
      }
      return plan.report;
    });
    return report;
  } catch (e) {
    if (e instanceof ImportFormatError) return failedReport(e.message);
    return failedReport(toStoreError(e, 'import the file').message);
  }
}

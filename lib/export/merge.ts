// What an import does to the library, decided before anything is written: the newer
// modification time wins, tombstones are records like any other (so a deletion in the
// library is not undone by an older live copy, and a newer deletion in the file
// applies), equal records are left alone, so importing the same file twice is a no-op.
import { compareTimes } from '../model/records';
import type { Annotation, Article } from '../model/types';
import type { Skip } from './import-jsonld';
import type { LibraryFile } from './library-file';

export interface ImportReport {
  ok: boolean;
  format?: LibraryFile['format'];
  /** Records new to the library. */
  added: number;
  /** Records the file had a newer version of. */
  updated: number;
  /** Records the file marks deleted (a newer deletion, or a deletion of a record never seen, kept so it cannot come back). */
  deleted: number;
  /** Records identical to the library's. */
  unchanged: number;
  /** Of the skipped, those deleted in the library after the file's version was saved: what "bring them back" would restore. */
  deletedSince: number;
  /** Records deleted in the library that the file's version brought back (only when asked to). */
  restored: number;
  skipped: Skip[];
  /** Articles that matched one already in the library by address, and were merged into it. */
  merged: { title: string; url: string }[];
  /** Why nothing was imported; empty when ok. */
  errors: string[];
}

export function emptyReport(): ImportReport {
  return { ok: true, added: 0, updated: 0, deleted: 0, unchanged: 0, deletedSince: 0, restored: 0, skipped: [], merged: [], errors: [] };
}

export function failedReport(message: string): ImportReport {
  return { ...emptyReport(), ok: false, errors: [message] };
}

export interface Existing {
  articlesById: ReadonlyMap<string, Article>;
  /** Library articles keyed by URL, for every URL the file mentions. */
  articlesByUrl: ReadonlyMap<string, Article>;
  annotationsById: ReadonlyMap<string, Annotation>;
}

export interface MergePlan {
  articles: Article[];
  annotations: Annotation[];
  report: ImportReport;
}

export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameRecord(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Within one file, the newest copy of each id wins. */
function newestById<T extends { id: string; updated: string }>(list: readonly T[], kind: Skip['kind'], skipped: Skip[]): T[] {
  const m = new Map<string, T>();
  for (const r of list) {
    const prev = m.get(r.id);
    if (!prev) {
      m.set(r.id, r);
      continue;
    }
    const keepNew = compareTimes(r.updated, prev.updated) > 0;
    if (!sameRecord(r, prev)) skipped.push({ id: r.id, kind, reason: 'It appears twice in the file; the newer copy was used.' });
    if (keepNew) m.set(r.id, r);
  }
  return [...m.values()];
}

type Outcome = 'added' | 'updated' | 'deleted' | 'unchanged' | 'restored' | 'skipped';

export interface MergeOptions {
  /**
   * The reader asked to bring back what they deleted after the file was made: a live
   * record in the file then replaces the library's deletion of it, as the file has it.
   */
  restoreDeleted?: boolean;
}

function decide<T extends { id: string; updated: string; deleted?: string }>(incoming: T, current: T | undefined, kind: Skip['kind'], report: ImportReport, opts: MergeOptions): T | null {
  let outcome: Outcome;
  let reason = '';
  if (!current) outcome = incoming.deleted !== undefined ? 'deleted' : 'added';
  else {
    const c = compareTimes(incoming.updated, current.updated);
    const deletedSince = c <= 0 && current.deleted !== undefined && incoming.deleted === undefined;
    if (sameRecord(incoming, current)) outcome = 'unchanged';
    else if (c > 0) outcome = incoming.deleted !== undefined && current.deleted === undefined ? 'deleted' : 'updated';
    else if (deletedSince && opts.restoreDeleted) outcome = 'restored';
    else {
      if (deletedSince) report.deletedSince++;
      outcome = 'skipped';
      reason =
        c === 0
          ? 'The library has a different version saved at the same time; the library’s was kept.'
          : current.deleted !== undefined
            ? 'It was deleted in the library after this version was saved.'
            : 'The library’s version is newer.';
    }
  }
  if (outcome === 'skipped') {
    report.skipped.push({ id: incoming.id, kind, reason });
    return null;
  }
  report[outcome]++;
  return outcome === 'unchanged' ? null : incoming;
}

export function planMerge(file: LibraryFile, existing: Existing, opts: MergeOptions = {}): MergePlan {
  const report = emptyReport();
  report.format = file.format;
  report.skipped.push(...file.skipped);

  // Articles: one per URL, in the file and against the library.
  const remap = new Map<string, string>();
  const fileByUrl = new Map<string, Article>();
  const articles: Article[] = [];
  const known = new Set<string>(existing.articlesById.keys());
  const placeholders = new Set(file.placeholders);
  for (const raw of newestById(file.articles, 'article', report.skipped)) {
    let a = raw;
    const sameUrlInFile = fileByUrl.get(a.url);
    if (sameUrlInFile && sameUrlInFile.id !== a.id) {
      remap.set(a.id, sameUrlInFile.id);
      report.skipped.push({ id: a.id, kind: 'article', reason: 'Another article in the file has the same address; their highlights were put together.' });
      continue;
    }
    const current = existing.articlesById.get(a.id);
    const owner = existing.articlesByUrl.get(a.url);
    if (placeholders.has(a.id) && (current || owner)) {
      // Another tool's annotation on a page the library has: attach it to the library's article as it is.
      if (!current && owner) remap.set(a.id, owner.id);
      known.add(owner?.id ?? a.id);
      fileByUrl.set(a.url, a);
      continue;
    }
    if (!current && owner) {
      remap.set(a.id, owner.id);
      report.merged.push({ title: a.title || owner.title, url: a.url });
      a = { ...a, id: owner.id };
    } else if (current && owner && owner.id !== a.id) {
      report.skipped.push({ id: a.id, kind: 'article', reason: 'Its address now belongs to another article in the library.' });
      fileByUrl.set(a.url, a);
      continue;
    }
    fileByUrl.set(a.url, a);
    known.add(a.id);
    const put = decide(a, existing.articlesById.get(a.id), 'article', report, opts);
    if (put) articles.push(put);
  }

  const annotations: Annotation[] = [];
  for (const raw of newestById(file.annotations, 'annotation', report.skipped)) {
    const articleId = remap.get(raw.articleId) ?? raw.articleId;
    if (!known.has(articleId)) {
      report.skipped.push({ id: raw.id, kind: 'annotation', reason: 'Its article is neither in the file nor in the library.' });
      continue;
    }
    const a = articleId === raw.articleId ? raw : { ...raw, articleId };
    const put = decide(a, existing.annotationsById.get(a.id), 'annotation', report, opts);
    if (put) annotations.push(put);
  }
  return { articles, annotations, report };
}

// Lede's full backup: every record as stored, tombstones included, under a small
// header that says what the file is and which version of the format wrote it.
import type { Annotation, Article, IsoTime } from '../model/types';
import { ImportFormatError, type FileRecords } from './import-jsonld';

export const BACKUP_FORMAT = 'lede-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exported: IsoTime;
  /** The database schema version the records come from, for support questions. */
  databaseVersion: number;
  articles: Article[];
  annotations: Annotation[];
}

export function makeBackup(articles: readonly Article[], annotations: readonly Annotation[], exported: IsoTime, databaseVersion: number): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exported, databaseVersion, articles: [...articles], annotations: [...annotations] };
}

export function backupJson(backup: Backup): string {
  return JSON.stringify(backup);
}

export function isBackup(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && (doc as { format?: unknown }).format === BACKUP_FORMAT;
}

/** The records of a backup file, not yet validated record by record. */
export function fromBackup(doc: unknown): FileRecords {
  const d = doc as Partial<Record<keyof Backup, unknown>>;
  if (typeof d.version !== 'number') throw new ImportFormatError('The backup has no format version.');
  if (d.version > BACKUP_VERSION) {
    throw new ImportFormatError(`The backup was made by a newer Lede (format ${d.version}); update Lede to restore it.`);
  }
  if (!Array.isArray(d.articles)) throw new ImportFormatError('The backup has no "articles" list.');
  if (!Array.isArray(d.annotations)) throw new ImportFormatError('The backup has no "annotations" list.');
  return { format: 'lede-backup', articles: d.articles, annotations: d.annotations, skipped: [], placeholders: [] };
}

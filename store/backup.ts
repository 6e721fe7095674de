// Full backup and restore. Lede writes its own JSON (a header plus every record as
// stored) rather than dexie-export-import's dump: restore must validate every record
// with the same schemas as any import and merge in one transaction, and a dump of
// the raw tables would also carry the derived search index, which is rebuilt instead.
import { backupJson, makeBackup } from '../lib/export/backup';
import { nowIso } from '../lib/model/records';
import type { LedeDB } from './db';
import { toStoreError } from './errors';
import { importFile, type ImportOptions, type ImportReport } from './import';

export async function backupText(db: LedeDB, clock?: () => number): Promise<string> {
  try {
    const [articles, annotations] = await db.transaction('r', [db.articles, db.annotations], () =>
      Promise.all([db.articles.toArray(), db.annotations.toArray()]),
    );
    return backupJson(makeBackup(articles, annotations, nowIso(clock), db.verno));
  } catch (e) {
    throw toStoreError(e, 'make the backup');
  }
}

/** Restore merges: newer records win and deletions are kept, exactly as an import. */
export function restoreBackup(db: LedeDB, input: string | Blob, opts?: ImportOptions): Promise<ImportReport> {
  return importFile(db, input, opts);
}

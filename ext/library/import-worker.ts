// The library's import, run in a dedicated worker: reading and JSON.parse of a file of a
// hundred thousand annotations takes seconds, and so do the checks and the writes; here
// they hold up no page. The worker opens the same IndexedDB as the page; the page's live
// query sees the one transaction's writes when it commits.
import type { ImportStage } from '../../lib/export/library-file';
import { LedeDB } from '../../store/db';
import { importFile, type ImportReport } from '../../store/import';

export type ToWorker = { file: Blob; maxBytes?: number; restoreDeleted?: boolean };
export type FromWorker = { kind: 'progress'; done: number; total: number; stage: ImportStage } | { kind: 'done'; report: ImportReport };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };

scope.onmessage = async (event) => {
  const db = new LedeDB();
  const report = await importFile(db, event.data.file, {
    maxBytes: event.data.maxBytes,
    restoreDeleted: event.data.restoreDeleted,
    onProgress: (done, total, stage) => scope.postMessage({ kind: 'progress', done, total, stage }),
  });
  db.close();
  scope.postMessage({ kind: 'done', report });
};

// The library page's side of an import: the file goes to a worker (import-worker.ts),
// progress and the report come back. If the worker dies (out of memory on a huge file),
// its transaction never commits, so nothing is written, and the reader is told so.
import type { ImportProgress } from '../../lib/export/library-file';
import { failedReport, type ImportReport } from '../../lib/export/merge';
import type { FromWorker, ToWorker } from './import-worker';
// Vite bundles the worker with everything it imports into one file of the extension.
import ImportWorker from './import-worker.ts?worker';

export function importInWorker(file: Blob, onProgress: ImportProgress, opts: { restoreDeleted?: boolean } = {}): Promise<ImportReport> {
  return new Promise((resolve) => {
    const worker = new ImportWorker();
    const finish = (report: ImportReport) => {
      worker.terminate();
      resolve(report);
    };
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.kind === 'progress') onProgress(m.done, m.total, m.stage);
      else finish(m.report);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(failedReport(`The import stopped before it finished (${event.message || 'the browser ended it, perhaps for lack of memory'}). Nothing was imported.`));
    };
    worker.postMessage({ file, restoreDeleted: opts.restoreDeleted } satisfies ToWorker);
  });
}

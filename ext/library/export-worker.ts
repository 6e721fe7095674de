// The library's exports, made in a dedicated worker: reading every record and writing
// tens of megabytes of JSON-LD, Markdown or a zip takes seconds for a large library, and
// here it holds up no page. The file comes back as a Blob, which is passed, not copied.
import { LedeDB } from '../../store/db';
import { exportSelection, type ExportFormat } from '../../store/exports';
import { LedeRepo } from '../../store/repo';

export type ToExportWorker = { format: ExportFormat; articleIds?: string[] };
export type FromExportWorker =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; name: string; blob: Blob }
  | { kind: 'error'; message: string };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToExportWorker>) => void) | null; postMessage(message: FromExportWorker): void };

scope.onmessage = async (event) => {
  const db = new LedeDB();
  try {
    const file = await exportSelection(new LedeRepo(db), event.data.format, event.data.articleIds, {
      onProgress: (done, total) => scope.postMessage({ kind: 'progress', done, total }),
    });
    scope.postMessage({ kind: 'done', name: file.filename, blob: new Blob([file.content as BlobPart], { type: file.mime }) });
  } catch (e) {
    scope.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    db.close();
  }
};

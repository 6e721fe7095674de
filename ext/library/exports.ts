// The library's export files, made in a worker (export-worker.ts) from the store's
// exporters, with progress for the page's bar.
import type { ExportFormat } from '../../store/exports';
import ExportWorker from './export-worker.ts?worker';
import type { FromExportWorker, ToExportWorker } from './export-worker';

export type LibraryExportKind = 'markdown' | 'markdown-zip' | 'json' | 'csv' | 'backup';

const FORMATS: Record<LibraryExportKind, ExportFormat> = {
  markdown: 'markdown',
  'markdown-zip': 'markdown-zip',
  json: 'jsonld',
  csv: 'csv',
  backup: 'backup',
};

export interface ExportedFile {
  name: string;
  blob: Blob;
}

export type ExportProgress = (done: number, total: number) => void;

export function buildLibraryExport(
  kind: LibraryExportKind,
  /** Only these articles; all when undefined. A backup is always the whole database. */
  articleIds: readonly string[] | undefined,
  onProgress: ExportProgress = () => undefined,
): Promise<ExportedFile> {
  return new Promise((resolve, reject) => {
    const worker = new ExportWorker();
    const end = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<FromExportWorker>) => {
      const m = event.data;
      if (m.kind === 'progress') return onProgress(m.done, m.total);
      end();
      if (m.kind === 'done') resolve({ name: m.name, blob: m.blob });
      else reject(new Error(m.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      reject(new Error(event.message || 'the browser ended the export, perhaps for lack of memory'));
    };
    worker.postMessage({ format: FORMATS[kind], articleIds: kind === 'backup' || !articleIds ? undefined : [...articleIds] } satisfies ToExportWorker);
  });
}

// The library's export files, made by the store's exporters (store/exports.ts) and
// turned into a Blob for download, with progress for the page's bar.
import { exportSelection, type ExportFormat } from '../../store/exports';
import type { LedeRepo } from '../../store/repo';

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

const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function buildLibraryExport(
  kind: LibraryExportKind,
  repo: LedeRepo,
  /** Only these articles; all when undefined. A backup is always the whole database. */
  articleIds: readonly string[] | undefined,
  onProgress: ExportProgress = () => undefined,
): Promise<ExportedFile> {
  // The bar is painted before the work starts, and again before the Blob is made.
  onProgress(0, 2);
  await breathe();
  const file = await exportSelection(repo, FORMATS[kind], kind === 'backup' ? undefined : articleIds);
  onProgress(1, 2);
  await breathe();
  const blob = new Blob([file.content as BlobPart], { type: file.mime });
  onProgress(2, 2);
  return { name: file.filename, blob };
}

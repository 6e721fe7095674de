// The library's export files, built from the store with the exporters in lib/export.
// Each step yields to the event loop and reports progress, so the page stays usable
// while a large library is written.
import { annotationCollectionJson, urnOf } from '../../lib/export/jsonld';
import { exportFileName } from '../../lib/library/links';
import { newId } from '../../lib/model/ids';
import type { LedeDB } from '../../store/db';
import { backupText } from '../../store/backup';
import type { LedeRepo } from '../../store/repo';

export type LibraryExportKind = 'markdown' | 'json' | 'csv' | 'backup';

export interface ExportedFile {
  name: string;
  blob: Blob;
  /** Articles in the file. */
  articles: number;
}

export type ExportProgress = (done: number, total: number) => void;

const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function buildLibraryExport(
  kind: LibraryExportKind,
  store: { db: LedeDB; repo: LedeRepo },
  /** Only these articles; all when undefined. A backup is always the whole database. */
  articleIds: readonly string[] | undefined,
  now: Date,
  onProgress: ExportProgress = () => undefined,
): Promise<ExportedFile> {
  const steps = 3;
  onProgress(0, steps);
  if (kind === 'backup') {
    const text = await backupText(store.db, () => now.getTime());
    onProgress(2, steps);
    await breathe();
    const articles = (JSON.parse(text) as { articles: unknown[] }).articles.length;
    onProgress(steps, steps);
    return { name: exportFileName('backup', now, false), blob: new Blob([text], { type: 'application/json' }), articles };
  }
  const { articles, annotations } = await store.repo.exportRecords(articleIds);
  onProgress(1, steps);
  await breathe();
  const selection = articleIds !== undefined;
  switch (kind) {
    case 'json': {
      const text = annotationCollectionJson(articles, annotations, {
        generated: now.toISOString(),
        collectionId: urnOf(newId()),
        label: selection ? 'Lede highlights and notes (selection)' : 'Lede highlights and notes',
      });
      onProgress(2, steps);
      await breathe();
      onProgress(steps, steps);
      return { name: exportFileName('json', now, selection), blob: new Blob([text], { type: 'application/ld+json' }), articles: articles.length };
    }
    case 'markdown':
    case 'csv':
      throw new Error(`${kind === 'csv' ? 'CSV' : 'Markdown'} export is not available in this build yet.`);
  }
}

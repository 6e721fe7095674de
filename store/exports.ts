// The library's exports of one article or a selection (all when none is given), read from
// the store and made by lib/export/files.ts, the same maker the popup uses; and the backup.
import { exportFile, type ExportFile, type ExportFormat as FileFormat } from '../lib/export/files';
import type { ArticleExport, ExportFact } from '../lib/export/markdown';
import { urnOf } from '../lib/export/jsonld';
import { newId } from '../lib/model/ids';
import { compareTimes, nowIso } from '../lib/model/records';
import type { Annotation, Article } from '../lib/model/types';
import { backupText } from './backup';
import { notFound } from './errors';
import type { LedeRepo } from './repo';

export type ExportFormat = FileFormat | 'backup';
export type { ExportFile };

export interface ExportOptions {
  /** The facts the popup shows for an article, if known. */
  factsFor?: (articleId: string) => ExportFact[] | undefined;
  /** The article's flat text, if known, for exact code point positions in JSON-LD. */
  textFor?: (articleId: string) => string | undefined;
  clock?: () => number;
  /** Called when the records are read (1 of 2) and when the file is made (2 of 2). */
  onProgress?: (done: number, total: number) => void;
}

function positionOf(a: Annotation): number {
  for (const s of a.selectors) if (s.type === 'TextPositionSelector') return s.start;
  return Number.MAX_SAFE_INTEGER;
}

/** Live articles with their live highlights in reading order: deleted ones stay out of any file meant for reading or sharing. */
function bundles(articles: Article[], annotations: Annotation[], opts: ExportOptions): ArticleExport[] {
  const byArticle = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.deleted !== undefined) continue;
    const list = byArticle.get(a.articleId);
    if (list) list.push(a);
    else byArticle.set(a.articleId, [a]);
  }
  return articles
    .filter((a) => a.deleted === undefined)
    .map((article) => ({
      article,
      annotations: (byArticle.get(article.id) ?? []).sort((x, y) => positionOf(x) - positionOf(y) || compareTimes(x.created, y.created)),
      facts: opts.factsFor?.(article.id) ?? [],
    }));
}

/**
 * One article (`articleIds` of length one) or a selection (all when omitted). The
 * backup format always covers the whole library, tombstones included.
 */
export async function exportSelection(repo: LedeRepo, format: ExportFormat, articleIds?: readonly string[], opts: ExportOptions = {}): Promise<ExportFile> {
  const now = nowIso(opts.clock);
  if (format === 'backup') {
    const content = await backupText(repo.db, opts.clock);
    opts.onProgress?.(2, 2);
    return { filename: `lede-backup-${now.slice(0, 10)}.json`, mime: 'application/json', content };
  }
  const { articles, annotations } = await repo.exportRecords(articleIds);
  opts.onProgress?.(1, 2);
  const items = bundles(articles, annotations, opts);
  if (articleIds?.length === 1 && items.length === 0) throw notFound('This article');
  const file = exportFile(format, { items, single: articleIds?.length === 1, generated: now, collectionId: urnOf(newId()), textFor: opts.textFor });
  opts.onProgress?.(2, 2);
  return file;
}

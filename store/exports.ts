// The export menu's formats, for one article or a selection of the library, as
// files ready for a download or the clipboard.
import { annotationsCsv } from '../lib/export/csv';
import { annotationCollectionJson } from '../lib/export/jsonld';
import { articleFiles, articleMarkdown, libraryMarkdown, safeFileName, type ArticleExport, type ExportFact } from '../lib/export/markdown';
import { zip } from '../lib/export/zip';
import { newId } from '../lib/model/ids';
import { compareTimes, nowIso } from '../lib/model/records';
import type { Annotation, Article } from '../lib/model/types';
import { backupText } from './backup';
import { notFound } from './errors';
import type { LedeRepo } from './repo';

export type ExportFormat = 'markdown' | 'markdown-zip' | 'jsonld' | 'csv' | 'backup';

export interface ExportFile {
  filename: string;
  mime: string;
  content: string | Uint8Array;
}

export interface ExportOptions {
  /** The facts the popup shows for an article, if known. */
  factsFor?: (articleId: string) => ExportFact[] | undefined;
  /** The article's flat text, if known, for exact code point positions in JSON-LD. */
  textFor?: (articleId: string) => string | undefined;
  clock?: () => number;
}

function positionOf(a: Annotation): number {
  for (const s of a.selectors) if (s.type === 'TextPositionSelector') return s.start;
  return Number.MAX_SAFE_INTEGER;
}

function bundles(articles: Article[], annotations: Annotation[], opts: ExportOptions): ArticleExport[] {
  return articles
    .filter((a) => a.deleted === undefined)
    .map((article) => ({
      article,
      annotations: annotations
        .filter((x) => x.articleId === article.id && x.deleted === undefined)
        .sort((x, y) => positionOf(x) - positionOf(y) || compareTimes(x.created, y.created)),
      facts: opts.factsFor?.(article.id) ?? [],
    }));
}

const stamp = (iso: string): string => iso.slice(0, 10);

/**
 * One article (`articleIds` of length one) or a selection (all when omitted). The
 * backup format always covers the whole library, tombstones included.
 */
export async function exportSelection(repo: LedeRepo, format: ExportFormat, articleIds?: readonly string[], opts: ExportOptions = {}): Promise<ExportFile> {
  const now = nowIso(opts.clock);
  if (format === 'backup') return { filename: `lede-backup-${stamp(now)}.json`, mime: 'application/json', content: await backupText(repo.db, opts.clock) };
  const { articles, annotations } = await repo.exportRecords(articleIds);
  if (articleIds?.length === 1 && !articles.some((a) => a.deleted === undefined)) throw notFound('This article');
  const single = articleIds?.length === 1 ? articles[0] : undefined;
  const base = single ? safeFileName(single.title || single.site || 'article') : `lede-export-${stamp(now)}`;
  switch (format) {
    case 'markdown': {
      const items = bundles(articles, annotations, opts);
      const content = single && items[0] ? articleMarkdown(items[0]) : libraryMarkdown(items);
      return { filename: `${base}.md`, mime: 'text/markdown;charset=utf-8', content };
    }
    case 'markdown-zip':
      return { filename: `${base}.zip`, mime: 'application/zip', content: zip(articleFiles(bundles(articles, annotations, opts)), new Date(now)) };
    case 'jsonld': {
      // Deleted highlights stay out of a file meant for sharing; the backup keeps them.
      const live = articles.filter((a) => a.deleted === undefined);
      const liveAnnotations = annotations.filter((a) => a.deleted === undefined);
      const content = annotationCollectionJson(live, liveAnnotations, { generated: now, collectionId: `urn:uuid:${newId()}`, textFor: opts.textFor });
      return { filename: `${base}.jsonld`, mime: 'application/ld+json', content };
    }
    case 'csv':
      return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', content: annotationsCsv(articles, annotations, { bom: true }) };
  }
}

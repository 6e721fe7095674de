// The export files, one place for every format: one article (the popup, or one row of the
// library) or a selection of the library, from the records as stored. The popup and the
// library page both call this, so a file exported from either is the same file.
import { annotationsCsv } from './csv';
import { annotationCollectionJson } from './jsonld';
import { articleFiles, articleMarkdown, libraryMarkdown, safeFileName, type ArticleExport } from './markdown';
import { zip } from './zip';
import type { IsoTime } from '../model/types';

export type ExportFormat = 'markdown' | 'markdown-zip' | 'jsonld' | 'csv';

export interface ExportFile {
  filename: string;
  mime: string;
  content: string | Uint8Array;
}

export interface ExportSet {
  /** Live articles with their live annotations in reading order and their facts, in the order to export them. */
  items: readonly ArticleExport[];
  /** One article's file is named after it and its Markdown has front matter; a selection's is named by date. */
  single: boolean;
  generated: IsoTime;
  /** Id of the JSON-LD collection, a `urn:uuid:` IRI. */
  collectionId: string;
  /** The article's flat text, when known, for code point positions in JSON-LD. */
  textFor?: (articleId: string) => string | undefined;
}

const stamp = (iso: string): string => iso.slice(0, 10);

export function exportFile(format: ExportFormat, set: ExportSet): ExportFile {
  const first = set.items[0]?.article;
  const base = set.single && first ? safeFileName(first.title || first.site || 'article') : `lede-export-${stamp(set.generated)}`;
  const articles = set.items.map((i) => i.article);
  const annotations = set.items.flatMap((i) => i.annotations);
  switch (format) {
    case 'markdown': {
      const only = set.single ? set.items[0] : undefined;
      return { filename: `${base}.md`, mime: 'text/markdown;charset=utf-8', content: only ? articleMarkdown(only) : libraryMarkdown(set.items) };
    }
    case 'markdown-zip':
      return { filename: `${base}.zip`, mime: 'application/zip', content: zip(articleFiles(set.items), new Date(set.generated)) };
    case 'jsonld': {
      const label = set.single && first ? `Lede: ${first.title || first.url}` : undefined;
      const content = annotationCollectionJson(articles, annotations, { generated: set.generated, collectionId: set.collectionId, label, textFor: set.textFor });
      return { filename: `${base}.jsonld`, mime: 'application/ld+json', content };
    }
    case 'csv':
      return { filename: `${base}.csv`, mime: 'text/csv;charset=utf-8', content: annotationsCsv(articles, annotations, { bom: true }) };
  }
}

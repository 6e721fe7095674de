// CSV export: one row per highlight with its article's columns (RFC 4180: CRLF rows,
// fields quoted when they hold a comma, quote or line break, quotes doubled). Cells
// a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
// leading apostrophe, the OWASP advice against CSV injection.
import { quoteOf } from '../model/records';
import type { Annotation, Article, TextPositionSelector } from '../model/types';

export const CSV_COLUMNS = [
  'article_id',
  'article_title',
  'article_url',
  'article_site',
  'article_byline',
  'article_published',
  'article_tags',
  'article_note',
  'annotation_id',
  'quote',
  'prefix',
  'suffix',
  'position_start',
  'position_end',
  'position_unit',
  'colour',
  'note',
  'tags',
  'created',
  'updated',
] as const;

export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string): string {
  const v = neutraliseFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(values: readonly string[]): string {
  return values.map(csvCell).join(',');
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read non-ASCII text correctly. */
  bom?: boolean;
}

/** Live highlights of the given articles, article by article in the order given. */
export function annotationsCsv(articles: readonly Article[], annotations: readonly Annotation[], opts: CsvOptions = {}): string {
  const byArticle = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.deleted !== undefined) continue;
    const list = byArticle.get(a.articleId) ?? [];
    list.push(a);
    byArticle.set(a.articleId, list);
  }
  const rows = [csvRow(CSV_COLUMNS)];
  for (const art of articles) {
    if (art.deleted !== undefined) continue;
    for (const a of byArticle.get(art.id) ?? []) {
      const q = quoteOf(a);
      const pos = a.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
      rows.push(
        csvRow([
          art.id,
          art.title,
          art.url,
          art.site,
          art.byline ?? '',
          art.published ?? '',
          art.tags.join('; '),
          art.note,
          a.id,
          q.exact,
          q.prefix,
          q.suffix,
          pos ? String(pos.start) : '',
          pos ? String(pos.end) : '',
          pos ? pos.unit : '',
          a.colour,
          a.note,
          a.tags.join('; '),
          a.created,
          a.updated,
        ]),
      );
    }
  }
  return `${opts.bom ? '\ufeff' : ''}${rows.join('\r\n')}\r\n`;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../model/types';
import { annotationsCsv, csvCell, CSV_COLUMNS } from './csv';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in unquoted cell`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

const article: Article = {
  id: '6f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f',
  url: 'https://example.com/a',
  title: 'Title, with "quotes"',
  site: 'Example',
  note: 'line one\nline two',
  tags: ['China', 'trade'],
  created: '2025-09-01T10:00:00.000Z',
  updated: '2025-09-01T10:05:00.000Z',
};
const base: Annotation = {
  id: '0a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  articleId: article.id,
  selectors: [
    { type: 'TextQuoteSelector', exact: '=HYPERLINK("http://evil.example","x")', prefix: 'p', suffix: 's' },
    { type: 'TextPositionSelector', start: 3, end: 40, unit: 'utf16' },
  ],
  colour: 'pink',
  note: '-5% growth, <img src=x onerror=alert(1)>',
  tags: ['@home'],
  created: '2025-09-01T10:01:00.000Z',
  updated: '2025-09-01T10:02:00.000Z',
};

describe('annotationsCsv', () => {
  it('writes one row per live highlight with its article columns, escaped and formula-safe', () => {
    const gone = { ...base, id: '1a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d', deleted: '2025-09-02T00:00:00.000Z' };
    const text = annotationsCsv([article], [base, gone]);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(2);
    const r = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]?.[i]]));
    expect(r).toMatchObject({
      article_title: 'Title, with "quotes"',
      article_note: 'line one\nline two',
      article_tags: 'China; trade',
      quote: `'=HYPERLINK("http://evil.example","x")`,
      note: `'-5% growth, <img src=x onerror=alert(1)>`,
      tags: `'@home`,
      position_start: '3',
      position_unit: 'utf16',
      colour: 'pink',
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(annotationsCsv([article], [base], { bom: true }).startsWith('\ufeff')).toBe(true);
  });

  it('any cell reads back as itself, with a leading apostrophe only before formula characters (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '"', ',', '\n', '\r\n', '')), { minLength: 1, maxLength: 6 }), (cells) => {
        const rows = parseCsv(`${cells.map(csvCell).join(',')}\r\n`);
        expect(rows).toHaveLength(1);
        rows[0]?.forEach((got, i) => {
          const want = cells[i] ?? '';
          expect(got).toBe(/^[=+\-@\t\r]/.test(want) ? `'${want}` : want);
        });
      }),
      { numRuns: 300 },
    );
  });
});

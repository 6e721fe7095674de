import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../model/types';
import { buildExport, type ExportSource } from './article-export';

const NOW = new Date('2026-11-25T18:00:00.000Z');
const HOSTILE = '<img src=x onerror=alert(1)>';

const annotation = (id: string, exact: string, note: string): Annotation => ({
  id,
  articleId: 'a0000000-0000-4000-8000-000000000000',
  selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
  colour: 'green',
  note,
  tags: ['trade'],
  created: NOW.toISOString(),
  updated: NOW.toISOString(),
});

const article: Article = {
  id: 'a0000000-0000-4000-8000-000000000000',
  url: 'https://news.example/world/sco',
  title: 'Xi and Putin meet',
  site: 'Example News',
  note: 'Compare with customs data',
  tags: [],
  created: NOW.toISOString(),
  updated: NOW.toISOString(),
};

const source = (over: Partial<ExportSource> = {}): ExportSource => ({
  meta: { url: 'https://news.example/world/sco?utm_source=x', title: 'Xi and Putin meet', site: 'Example News' },
  article,
  // Given out of reading order: the export puts them in the article's order, orphans last.
  annotations: [
    { annotation: annotation('b0000000-0000-4000-8000-000000000002', 'signed over 20 agreements', `second ${HOSTILE}`), start: 500 },
    { annotation: annotation('b0000000-0000-4000-8000-000000000003', 'a sentence since removed', 'orphaned note') },
    { annotation: annotation('b0000000-0000-4000-8000-000000000001', 'Trade reached 244.8 billion', 'first note'), start: 10 },
  ],
  facts: [
    {
      figure: '244.8 billion U.S. dollars',
      value: '244.8 billion US dollars',
      measures: 'trade between China and Russia',
      when: '2024',
      sentence: 'Trade between China and Russia reached 244.8 billion U.S. dollars in 2024.',
    },
  ],
  ...over,
});

describe('buildExport', () => {
  it('Markdown holds the title, URL, every highlight with its note in reading order, the article note and the facts', () => {
    const file = buildExport('markdown', source(), NOW);
    expect(file.filename).toBe('Xi and Putin meet.md');
    const md = String(file.content);
    expect(md).toContain('# Xi and Putin meet');
    expect(md).toContain('https://news.example/world/sco');
    expect(md).toContain('Compare with customs data');
    const order = ['Trade reached 244.8 billion', 'first note', 'signed over 20 agreements', 'second', 'a sentence since removed', 'orphaned note'].map((s) =>
      md.indexOf(s),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toContain('244.8 billion US dollars');
    expect(md).toContain('trade between China and Russia (2024)');
    // Reader text with markup stays text.
    const body = md.replace(/^---\n[^]*?\n---\n/, '');
    expect(body).not.toContain('<img');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('builds the article record from the page when the reader has saved nothing yet', () => {
    const md = String(buildExport('markdown', source({ article: null, annotations: [] }), NOW).content);
    expect(md).toContain('# Xi and Putin meet');
    // The identity URL: tracking parameters removed.
    expect(md).toContain('https://news.example/world/sco');
    expect(md).not.toContain('utm_source');
    expect(md).toContain('244.8 billion US dollars');
  });

  it('JSON-LD is one W3C annotation collection with every highlight', () => {
    const file = buildExport('json', source(), NOW);
    expect(file.mime).toBe('application/ld+json');
    const json = JSON.parse(String(file.content));
    expect(json.type).toBe('AnnotationCollection');
    expect(json.first.items).toHaveLength(3);
    expect(json.first.items[0].target.source).toBe('https://news.example/world/sco');
    expect(json.first.items.map((i: { body: { value: string }[] }) => i.body[0]!.value)).toContain(`second ${HOSTILE}`);
  });

  it('CSV has a row per highlight with its note', () => {
    const csv = String(buildExport('csv', source(), NOW).content);
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(csv).toContain('first note');
    expect(csv).toContain('orphaned note');
  });
});

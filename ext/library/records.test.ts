import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, runQuery } from '../../lib/library/query';
import type { Annotation, Article } from '../../lib/model/types';
import { memoryDb } from '../../store/testing';
import { loadCatalogue, loadFirstView } from './records';

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const article = (title: string, updated: string, over: Partial<Article> = {}): Article => ({
  id: uuid(),
  url: `https://news.example/${n}`,
  title,
  site: 'News Example',
  note: '',
  tags: [],
  created: '2026-01-01T00:00:00.000Z',
  updated,
  ...over,
});
const highlight = (articleId: string, over: Partial<Annotation> = {}): Annotation => ({
  id: uuid(),
  articleId,
  selectors: [{ type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' }],
  colour: 'yellow',
  note: '',
  tags: [],
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('the library’s first view', () => {
  it('reads the newest live articles with their live highlights, in the order the full list shows them', async () => {
    const db = memoryDb('lede-first-view');
    const old = article('Old', '2026-01-01T00:00:00.000Z');
    const mid = article('Mid', '2026-02-01T00:00:00.000Z');
    const gone = article('Gone', '2026-09-01T00:00:00.000Z', { deleted: '2026-09-01T00:00:00.000Z' });
    const fresh = article('New', '2026-03-01T00:00:00.000Z');
    await db.articles.bulkAdd([old, mid, gone, fresh]);
    await db.annotations.bulkAdd([highlight(fresh.id), highlight(fresh.id, { deleted: '2026-03-02T00:00:00.000Z' }), highlight(mid.id), highlight(old.id)]);

    const first = await loadFirstView(db, 2);
    expect(first).toMatchObject({ complete: false, annotations: undefined });
    expect(first.entries.map((e) => [e.article.title, e.highlights])).toEqual([
      ['New', 1],
      ['Mid', 1],
    ]);
    const full = await loadCatalogue(db);
    const shown = runQuery(full, DEFAULT_QUERY).map((e) => e.article.id);
    expect(runQuery(first, DEFAULT_QUERY).map((e) => e.article.id)).toEqual(shown.slice(0, 2));
    expect(full).toMatchObject({ complete: true, annotations: 3 });
    db.close();
  });
});

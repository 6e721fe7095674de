import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../lib/model/types';
import { CURRENT_VERSION, LedeDB, V1_STORES, V2_STORES } from './db';
import { LedeRepo } from './repo';
import { memoryDeps } from './testing';

const article: Article = {
  id: '6f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f',
  url: 'https://example.com/sco-summit',
  title: 'Xi and Putin meet in Beijing',
  site: 'Example News',
  byline: 'A. Reporter',
  published: '2025-09-01',
  note: 'Compare with the Tianjin communiqué',
  tags: ['China', 'Russia'],
  created: '2025-09-01T10:00:00.000Z',
  updated: '2025-09-01T10:05:00.000Z',
};

const live: Annotation = {
  id: '0a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  articleId: article.id,
  selectors: [
    { type: 'TextQuoteSelector', exact: 'a 15-year trade agreement', prefix: 'The two leaders signed ', suffix: ' worth $400 billion' },
    { type: 'TextPositionSelector', start: 120, end: 145, unit: 'utf16' },
  ],
  colour: 'green',
  note: 'pipeline deal',
  tags: ['energy'],
  created: '2025-09-01T10:01:00.000Z',
  updated: '2025-09-01T10:02:00.000Z',
};

const tombstoned: Annotation = {
  ...live,
  id: '9b8a7c6d-5e4f-4321-8fed-cba987654321',
  selectors: [{ type: 'TextQuoteSelector', exact: 'deleted words', prefix: '', suffix: '' }],
  note: 'gone',
  deleted: '2025-09-01T10:04:00.000Z',
  updated: '2025-09-01T10:04:00.000Z',
};

describe('LedeDB upgrade', () => {
  it('opens a version 1 database with data, keeps every record and builds the search index', async () => {
    const deps = memoryDeps();
    const v1 = new Dexie('lede-upgrade', deps);
    v1.version(1).stores(V1_STORES);
    await v1.table('articles').add(article);
    await v1.table('annotations').bulkAdd([live, tombstoned]);
    v1.close();

    const db = new LedeDB('lede-upgrade', deps);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.articles.toArray()).toEqual([article]);
    expect((await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([live, tombstoned]);
    expect((await db.meta.get('upgradedTo2'))?.value).toEqual(expect.any(String));
    expect((await db.meta.get('upgradedTo3'))?.value).toEqual(expect.any(String));
    expect(await db.search.get(article.id)).toMatchObject({ articleId: article.id, names: [] });

    // The indexes kept work on the old rows; the dropped one is gone.
    expect(await db.annotations.where('articleId').equals(article.id).count()).toBe(2);
    expect(await db.annotations.where('tags').equals('energy').count()).toBe(2);
    expect(await db.articles.where('url').equals(article.url).count()).toBe(1);
    expect(db.annotations.schema.indexes.map((i) => i.name).sort()).toEqual(['articleId', 'tags']);

    // Old data is searchable at once: quotes, notes, tags and accent-folded titles; not deleted highlights.
    const repo = new LedeRepo(db);
    expect((await repo.searchLibrary('trade agreement')).map((h) => h.article.id)).toEqual([article.id]);
    expect((await repo.searchLibrary('pipeline')).map((h) => h.annotations.map((a) => a.id))).toEqual([[live.id]]);
    expect(await repo.searchLibrary('communique')).toHaveLength(1);
    expect(await repo.searchLibrary('gone')).toEqual([]);
    db.close();
  });

  it('opens a version 2 database with data, keeps every record and indexes the names articles mention', async () => {
    const deps = memoryDeps();
    const v2 = new Dexie('lede-upgrade-2', deps);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores(V2_STORES);
    await v2.table('articles').add(article);
    await v2.table('annotations').bulkAdd([live, tombstoned]);
    // As version 2 wrote its search entries: words only.
    await v2.table('search').add({ articleId: article.id, words: ['trade', 'agreement', 'pipeline', 'xi', 'putin'] });
    await v2.table('meta').add({ key: 'upgradedTo2', value: '2025-09-01T00:00:00.000Z' });
    v2.close();

    const db = new LedeDB('lede-upgrade-2', deps);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.articles.toArray()).toEqual([article]);
    expect((await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([live, tombstoned]);
    expect(await db.search.toArray()).toEqual([{ articleId: article.id, words: ['trade', 'agreement', 'pipeline', 'xi', 'putin'], names: [] }]);
    expect(await db.meta.get('upgradedTo2')).toEqual({ key: 'upgradedTo2', value: '2025-09-01T00:00:00.000Z' });
    expect(db.search.schema.indexes.map((i) => i.name).sort()).toEqual(['names', 'words']);

    // The old article still searches as before; once the reader highlights on it again, its names are kept and filter it.
    const repo = new LedeRepo(db);
    expect((await repo.listArticles({ query: 'pipeline' })).total).toBe(1);
    expect((await repo.listArticles({ entity: 'xi' })).total).toBe(0);
    await repo.upsertArticle({
      url: article.url,
      title: article.title,
      site: article.site,
      entities: [
        { key: 'PER:Xi Jinping', label: 'Xi Jinping', type: 'PER', count: 6 },
        { key: 'LOC:Beijing', label: 'Beijing', type: 'LOC', count: 2 },
      ],
    });
    expect((await db.articles.get(article.id))?.entities).toEqual([
      { type: 'PER', key: 'Xi Jinping', label: 'Xi Jinping', count: 6 },
      { type: 'LOC', key: 'Beijing', label: 'Beijing', count: 2 },
    ]);
    expect((await repo.listArticles({ entity: 'xi jin' })).items.map((s) => s.article.id)).toEqual([article.id]);
    expect((await repo.listArticles({ entity: 'beijing', query: 'pipeline' })).total).toBe(1);
    db.close();
  });

  it('creates a fresh database at the current version', async () => {
    const db = new LedeDB('lede-fresh', memoryDeps());
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['annotations', 'articles', 'meta', 'search']);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Selector } from '../lib/model/types';
import { StoreError } from './errors';
import { LedeRepo } from './repo';
import { dump, memoryDb, steppingClock } from './testing';

function quote(exact: string, start?: number): Selector[] {
  const s: Selector[] = [{ type: 'TextQuoteSelector', exact, prefix: 'before '.repeat(5), suffix: ' after'.repeat(6) }];
  if (start !== undefined) s.push({ type: 'TextPositionSelector', start, end: start + exact.length, unit: 'utf16' });
  return s;
}

function setup() {
  const db = memoryDb();
  const repo = new LedeRepo(db, { clock: steppingClock() });
  return { db, repo };
}

const page = { url: 'https://www.example.com/world/summit?utm_source=nl#top', title: 'Summit in Beijing', site: 'Example' };

describe('LedeRepo articles', () => {
  it('saves one article for the same story reached by different addresses', async () => {
    const { repo } = setup();
    const a = await repo.upsertArticle(page);
    const b = await repo.upsertArticle({ ...page, url: 'https://m.example.com/world/summit?_r=0' });
    const c = await repo.upsertArticle({ ...page, url: 'https://amp.example.com/world/summit/amp', canonical: 'https://example.com/world/summit' });
    expect(a.url).toBe('https://example.com/world/summit');
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect((await repo.listArticles()).total).toBe(1);
    expect((await repo.getArticleByUrl('https://example.com/world/summit/?fbclid=1'))?.id).toBe(a.id);
  });

  it('keeps the names the page mentions, tidied and capped, and the latest extraction’s on a later save', async () => {
    const { repo } = setup();
    const found = [
      { key: 'PER:Xi Jinping', label: 'Xi Jinping', type: 'PER', count: 3 },
      { key: 'MISC:Belt and Road', label: 'Belt and Road', type: 'MISC', count: 9 },
      { key: 'LOC:Beijing', label: '  Beijing\n', type: 'LOC', count: 5 },
    ];
    const a = await repo.upsertArticle({ ...page, entities: found });
    expect(a.entities).toEqual([
      { type: 'LOC', key: 'Beijing', label: 'Beijing', count: 5 },
      { type: 'PER', key: 'Xi Jinping', label: 'Xi Jinping', count: 3 },
    ]);
    // The same names again change nothing; a save without an extraction keeps them.
    expect((await repo.upsertArticle({ ...page, entities: found })).updated).toBe(a.updated);
    expect((await repo.upsertArticle(page)).entities).toEqual(a.entities);
    const later = await repo.upsertArticle({ ...page, entities: [{ key: 'ORG:SCO', label: 'Shanghai Cooperation Organization', type: 'ORG', count: 2 }] });
    expect(later.entities).toEqual([{ type: 'ORG', key: 'SCO', label: 'Shanghai Cooperation Organization', count: 2 }]);
    expect(later.updated > a.updated).toBe(true);
    const many = Array.from({ length: 150 }, (_, i) => ({ key: `PER:Person ${i}`, label: `Person ${i}`, type: 'PER', count: 1 + (i % 7) }));
    expect((await repo.upsertArticle({ ...page, entities: many })).entities).toHaveLength(100);
  });

  it('fills in metadata on a later visit without touching the time when nothing changed', async () => {
    const { repo } = setup();
    const a = await repo.upsertArticle(page);
    const same = await repo.upsertArticle(page);
    expect(same.updated).toBe(a.updated);
    const more = await repo.upsertArticle({ ...page, byline: 'A. Reporter', published: '2025-09-01' });
    expect(more).toMatchObject({ id: a.id, byline: 'A. Reporter', published: '2025-09-01', created: a.created });
    expect(more.updated > a.updated).toBe(true);
  });

  it('stores article notes and tidy tags', async () => {
    const { repo } = setup();
    const a = await repo.upsertArticle(page);
    await repo.setArticleNote(a.id, 'Line one\n<img src=x onerror=alert(1)>');
    const t = await repo.setArticleTags(a.id, [' China ', 'china', 'trade  policy', '']);
    expect(t.tags).toEqual(['China', 'trade policy']);
    expect((await repo.getArticle(a.id))?.note).toBe('Line one\n<img src=x onerror=alert(1)>');
  });

  it('reports a missing article as not-found', async () => {
    const { repo } = setup();
    await expect(repo.setArticleNote('6f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f', 'x')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('LedeRepo annotations', () => {
  it('creates, edits, deletes with a tombstone and restores highlights', async () => {
    const { repo, db } = setup();
    const art = await repo.upsertArticle(page);
    const second = await repo.createAnnotation({ articleId: art.id, selectors: quote('second passage', 200) });
    const first = await repo.createAnnotation({ articleId: art.id, selectors: quote('first passage', 10), colour: 'blue', note: 'why', tags: ['a'] });
    expect((await repo.listAnnotations(art.id)).map((a) => a.id)).toEqual([first.id, second.id]);

    const edited = await repo.updateAnnotation(first.id, { note: 'because', colour: 'pink', tags: ['b', 'B'] });
    expect(edited).toMatchObject({ note: 'because', colour: 'pink', tags: ['b'], created: first.created });
    expect(edited.updated > first.updated).toBe(true);

    const gone = await repo.deleteAnnotation(first.id);
    expect(gone.deleted).toBe(gone.updated);
    expect((await repo.listAnnotations(art.id)).map((a) => a.id)).toEqual([second.id]);
    expect(await db.annotations.get(first.id)).toMatchObject({ note: 'because', deleted: gone.deleted });
    await expect(repo.updateAnnotation(first.id, { note: 'x' })).rejects.toMatchObject({ code: 'not-found' });

    const back = await repo.restoreAnnotation(first.id);
    expect(back.deleted).toBeUndefined();
    expect('deleted' in back).toBe(false);
    expect((await repo.listAnnotations(art.id)).map((a) => a.id)).toEqual([first.id, second.id]);
  });

  it('rejects invalid highlights with a clear invalid error and writes nothing', async () => {
    const { repo, db } = setup();
    const art = await repo.upsertArticle(page);
    const before = await dump(db);
    const noQuote: Selector[] = [{ type: 'TextPositionSelector', start: 1, end: 2, unit: 'utf16' }];
    const err = await repo.createAnnotation({ articleId: art.id, selectors: noQuote }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'invalid', message: expect.stringContaining('TextQuoteSelector') });
    await expect(repo.createAnnotation({ articleId: art.id, selectors: quote('x'), colour: 'red' as never })).rejects.toMatchObject({ code: 'invalid' });
    expect(await dump(db)).toEqual(before);
  });

  it('turns a full disk into a quota error and keeps everything saved before', async () => {
    const { repo, db } = setup();
    const art = await repo.upsertArticle(page);
    await repo.createAnnotation({ articleId: art.id, selectors: quote('kept') });
    const before = await dump(db);
    // The article row is written before the search index; failing the index write
    // proves the article row written earlier in the same transaction is rolled back.
    db.search.hook('updating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await repo.createAnnotation({ articleId: art.id, selectors: quote('lost') }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'quota', message: expect.stringMatching(/storage .* is full.*Nothing you saved before is lost/) });
    expect((err as StoreError).toJSON()).toMatchObject({ code: 'quota' });
    expect(await dump(db)).toEqual(before);
  });
});

describe('LedeRepo library', () => {
  it('lists articles with counts, filters and sorting', async () => {
    const { repo } = setup();
    const a = await repo.upsertArticle({ url: 'https://a.example/1', title: 'Alpha trade', site: 'A' });
    const b = await repo.upsertArticle({ url: 'https://b.example/2', title: 'Beta war', site: 'B' });
    const c = await repo.upsertArticle({ url: 'https://a.example/3', title: 'Gamma', site: 'A' });
    await repo.createAnnotation({ articleId: a.id, selectors: quote('tariffs rose'), note: 'n', colour: 'green', tags: ['Economy'] });
    await repo.createAnnotation({ articleId: a.id, selectors: quote('exports fell') });
    const x = await repo.createAnnotation({ articleId: b.id, selectors: quote('troops moved'), colour: 'pink' });
    await repo.deleteAnnotation(x.id);
    await repo.setArticleNote(c.id, 'my note');

    const all = await repo.listArticles();
    expect(all.items.map((s) => [s.article.title, s.highlights, s.notes])).toEqual([
      ['Gamma', 0, 1],
      ['Beta war', 0, 0],
      ['Alpha trade', 2, 1],
    ]);
    expect((await repo.listArticles({ site: 'A', sort: 'title' })).items.map((s) => s.article.title)).toEqual(['Alpha trade', 'Gamma']);
    expect((await repo.listArticles({ colour: 'green' })).items.map((s) => s.article.id)).toEqual([a.id]);
    expect((await repo.listArticles({ colour: 'pink' })).total).toBe(0);
    expect((await repo.listArticles({ tag: 'economy' })).items.map((s) => s.article.id)).toEqual([a.id]);
    expect((await repo.listArticles({ query: 'tarif' })).items.map((s) => s.article.id)).toEqual([a.id]);
    expect((await repo.listArticles({ query: 'troops' })).total).toBe(0);
    expect((await repo.listArticles({ sort: 'highlights', limit: 1 })).items.map((s) => s.article.id)).toEqual([a.id]);
    expect((await repo.listArticles({ from: b.created, to: b.created })).items.map((s) => s.article.id)).toEqual([b.id]);
    expect((await repo.listArticles({ sort: 'created', order: 'asc', offset: 1, limit: 1 })).items.map((s) => s.article.id)).toEqual([b.id]);
    expect(await repo.listTags()).toEqual([{ tag: 'Economy', count: 1 }]);
  });

  it('searches titles, quotes, notes and tags and returns the matching highlights', async () => {
    const { repo } = setup();
    const a = await repo.upsertArticle({ url: 'https://a.example/1', title: 'Pipeline talks', site: 'A' });
    const h = await repo.createAnnotation({ articleId: a.id, selectors: quote('Power of Siberia 2'), note: 'gas volumes' });
    await repo.createAnnotation({ articleId: a.id, selectors: quote('unrelated') });
    expect((await repo.searchLibrary('siberia gas')).map((r) => [r.article.id, r.annotations.map((x) => x.id)])).toEqual([[a.id, [h.id]]]);
    expect((await repo.searchLibrary('pipeline')).map((r) => [r.article.id, r.annotations.length])).toEqual([[a.id, 0]]);
    expect(await repo.searchLibrary('siberia oil')).toEqual([]);
    await repo.deleteArticle(a.id);
    expect(await repo.searchLibrary('siberia')).toEqual([]);
    expect((await repo.listArticles()).total).toBe(0);
    await repo.restoreArticle(a.id);
    expect((await repo.listAnnotations(a.id)).length).toBe(2);
  });
});

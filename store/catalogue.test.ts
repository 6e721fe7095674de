// The library page's in-memory catalogue against the store's Dexie word index: both must find the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS, type Annotation, type Article, type ArticleEntity, type HighlightColour } from '../lib/model/types';
import { searchEntry } from './db';
import { LedeRepo } from './repo';
import { memoryDb } from './testing';
import { buildCatalogue, facetsOf, hasPrefix } from '../lib/library/catalogue';
import { DEFAULT_QUERY, previewOf, runQuery, type LibraryQuery } from '../lib/library/query';

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function article(over: Partial<Article> = {}): Article {
  return { id: uuid(), url: `https://news.example/${n}`, title: 'Untitled', site: 'News Example', note: '', tags: [], created: '2026-03-01T10:00:00.000Z', updated: '2026-03-01T10:00:00.000Z', ...over };
}

function highlight(articleId: string, exact: string, over: Partial<Annotation> = {}): Annotation {
  return {
    id: uuid(),
    articleId,
    selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
    colour: 'yellow',
    note: '',
    tags: [],
    created: '2026-03-01T10:00:00.000Z',
    updated: '2026-03-01T10:00:00.000Z',
    ...over,
  };
}

const q = (over: Partial<LibraryQuery>): LibraryQuery => ({ ...DEFAULT_QUERY, ...over });
const titles = (entries: readonly { article: Article }[]) => entries.map((e) => e.article.title);

describe('the library catalogue', () => {
  it('counts live highlights and notes and leaves deleted articles and highlights out', () => {
    const a = article({ title: 'Budget', note: 'read again' });
    const gone = article({ title: 'Gone', deleted: '2026-03-02T00:00:00.000Z' });
    const anns = [
      highlight(a.id, 'the deficit', { note: 'check figure' }),
      highlight(a.id, 'spending cuts'),
      highlight(a.id, 'deleted quote', { deleted: '2026-03-02T00:00:00.000Z', note: 'x' }),
      highlight(gone.id, 'nothing'),
    ];
    const cat = buildCatalogue([a, gone], anns);
    expect(titles(cat.entries)).toEqual(['Budget']);
    expect(cat.entries[0]).toMatchObject({ highlights: 2, notes: 2 });
    expect(cat.annotations).toBe(2);
  });

  it('finds articles by words of titles, quotes, notes and tags, as prefixes, accents folded', () => {
    const a = article({ title: 'Élection in Lyon', tags: ['Politics'] });
    const b = article({ title: 'Harvest report' });
    const cat = buildCatalogue([a, b], [highlight(b.id, 'wheat yields fell', { note: 'compare with 2024', tags: ['Farming'] })]);
    expect(titles(runQuery(cat, q({ text: 'elect' })))).toEqual(['Élection in Lyon']);
    expect(titles(runQuery(cat, q({ text: 'WHEAT 2024' })))).toEqual(['Harvest report']);
    expect(titles(runQuery(cat, q({ text: 'farm' })))).toEqual(['Harvest report']);
    expect(titles(runQuery(cat, q({ text: 'polit lyon' })))).toEqual(['Élection in Lyon']);
    expect(runQuery(cat, q({ text: 'wheat lyon' }))).toEqual([]);
    // A deleted highlight's words no longer find the article.
    const del = buildCatalogue([b], [highlight(b.id, 'wheat', { deleted: '2026-03-02T00:00:00.000Z' })]);
    expect(runQuery(del, q({ text: 'wheat' }))).toEqual([]);
  });

  it('filters by tag on the article or a highlight, by site, by colour and by saved day', () => {
    const a = article({ title: 'A', site: 'Alpha', tags: ['Energy'], created: '2026-03-01T23:30:00.000Z' });
    const b = article({ title: 'B', site: 'Beta', created: '2026-03-03T08:00:00.000Z' });
    const cat = buildCatalogue([a, b], [highlight(a.id, 'x', { colour: 'green' }), highlight(b.id, 'y', { colour: 'pink', tags: ['energy'] })]);
    expect(titles(runQuery(cat, q({ tag: 'ENERGY', sort: 'title', order: 'asc' })))).toEqual(['A', 'B']);
    expect(titles(runQuery(cat, q({ site: 'Beta' })))).toEqual(['B']);
    expect(titles(runQuery(cat, q({ colour: 'green' })))).toEqual(['A']);
    expect(titles(runQuery(cat, q({ from: '2026-03-02' })))).toEqual(['B']);
    expect(titles(runQuery(cat, q({ to: '2026-03-01' })))).toEqual(['A']);
    expect(titles(runQuery(cat, q({ from: '2026-03-03', to: '2026-03-03' })))).toEqual(['B']);
    // In UTC-2 (offset +120), 23:30 UTC on the 1st is still the 1st at 21:30; in UTC+2 it is the 2nd.
    expect(titles(runQuery(cat, q({ from: '2026-03-02', to: '2026-03-02' }), -120))).toEqual(['A']);
    expect(titles(runQuery(cat, q({ from: '2026-03-02', to: '2026-03-02' }), 120))).toEqual([]);
  });

  it('sorts by each key in both directions', () => {
    const a = article({ title: 'beta', site: 'Zed', created: '2026-01-01T00:00:00.000Z', updated: '2026-05-01T00:00:00.000Z' });
    const b = article({ title: 'Alpha', site: 'Ant', created: '2026-02-01T00:00:00.000Z', updated: '2026-04-01T00:00:00.000Z' });
    const c = article({ title: 'gamma 10', site: 'Moss', created: '2026-03-01T00:00:00.000Z', updated: '2026-03-01T00:00:00.000Z' });
    const cat = buildCatalogue([a, b, c], [highlight(c.id, 'one'), highlight(c.id, 'two'), highlight(b.id, 'three')]);
    expect(titles(runQuery(cat, q({})))).toEqual(['beta', 'Alpha', 'gamma 10']);
    expect(titles(runQuery(cat, q({ sort: 'created', order: 'desc' })))).toEqual(['gamma 10', 'Alpha', 'beta']);
    expect(titles(runQuery(cat, q({ sort: 'title', order: 'asc' })))).toEqual(['Alpha', 'beta', 'gamma 10']);
    expect(titles(runQuery(cat, q({ sort: 'site', order: 'desc' })))).toEqual(['beta', 'gamma 10', 'Alpha']);
    expect(titles(runQuery(cat, q({ sort: 'highlights', order: 'desc' })))).toEqual(['gamma 10', 'Alpha', 'beta']);
  });

  it('marks a first view of part of the library as such', () => {
    const a = article({ title: 'New' });
    const first = buildCatalogue([a], [highlight(a.id, 'x')], true);
    expect(first).toMatchObject({ complete: false, annotations: undefined });
    expect(first.entries[0]!.highlights).toBe(1);
    expect(buildCatalogue([a], [highlight(a.id, 'x')])).toMatchObject({ complete: true, annotations: 1 });
  });

  it('lists tags, sites and names by use', () => {
    const xi = { type: 'PER', key: 'Xi Jinping', label: 'Xi Jinping', count: 5 } as const;
    const a = article({ site: 'Alpha', tags: ['Energy'], entities: [xi, { type: 'LOC', key: 'Beijing', label: 'Beijing', count: 9 }] });
    const b = article({ site: 'Alpha', entities: [{ ...xi, key: 'xi jinping', count: 1 }] });
    const cat = buildCatalogue([a, b], [highlight(b.id, 'x', { tags: ['energy', 'Oil'] })]);
    expect(facetsOf(cat)).toEqual({
      tags: [{ tag: 'Energy', count: 2 }, { tag: 'Oil', count: 1 }],
      sites: [{ site: 'Alpha', count: 2 }],
      entities: [
        { type: 'PER', label: 'Xi Jinping', count: 2 },
        { type: 'LOC', label: 'Beijing', count: 1 },
      ],
    });
  });

  it('filters by the names an article mentions, each word a prefix, with the other filters', () => {
    const a = article({ title: 'Summit', entities: [{ type: 'PER', key: 'Xi Jinping', label: 'Xi Jinping', count: 4 }, { type: 'PER', key: 'Vladimir Putin', label: 'Vladimir Putin', count: 2 }] });
    const b = article({ title: 'Port', site: 'Other', entities: [{ type: 'LOC', key: 'Xiamen', label: 'Xiamen', count: 1 }] });
    const c = article({ title: 'Old, saved before names were kept' });
    const cat = buildCatalogue([a, b, c], []);
    expect(titles(runQuery(cat, q({ entity: 'Xi Jinping' })))).toEqual(['Summit']);
    expect(titles(runQuery(cat, q({ entity: 'putin XI' })))).toEqual(['Summit']);
    expect(titles(runQuery(cat, q({ entity: 'xi', sort: 'title', order: 'asc' })))).toEqual(['Port', 'Summit']);
    expect(titles(runQuery(cat, q({ entity: 'xi', site: 'Other' })))).toEqual(['Port']);
    expect(runQuery(cat, q({ entity: 'summit' }))).toEqual([]);
    expect(runQuery(cat, q({ entity: ' ' }))).toHaveLength(3);
  });

  it('finds a prefix in a sorted word list exactly when some word starts with it', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 })), fc.string({ maxLength: 3 }), (words, prefix) => {
        const sorted = [...words].sort();
        expect(hasPrefix(sorted, prefix)).toBe(words.some((w) => w.startsWith(prefix)));
      }),
    );
  });
});

// The page's in-memory search must answer exactly as the store's Dexie word index does.
const VOCAB = ['budget', 'budgets', 'deficit', 'Beijing', 'élan', 'elan', 'oil', 'oilfield', 'summit', 'tariff', '2025', 'x'];
const NAMES: ArticleEntity[] = [
  { type: 'PER', key: 'Xi Jinping', label: 'Xi Jinping', count: 3 },
  { type: 'PER', key: 'Vladimir Putin', label: 'Vladimir Putin', count: 2 },
  { type: 'LOC', key: 'Beijing', label: 'Beijing', count: 1 },
  { type: 'ORG', key: 'Shanghai Cooperation Organization', label: 'Shanghai Cooperation Organization', count: 1 },
  { type: 'LOC', key: 'Xiamen', label: 'Xiamen', count: 1 },
];
const textArb = fc.array(fc.constantFrom(...VOCAB), { maxLength: 4 }).map((w) => w.join(' '));
const libArb = fc
  .array(
    fc.record({
      title: textArb,
      note: textArb,
      tags: fc.array(fc.constantFrom('Energy', 'energy', 'Trade'), { maxLength: 2 }),
      site: fc.constantFrom('A', 'B'),
      entities: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3, selector: (e) => `${e.type}:${e.key}` }),
      deleted: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .chain((arts) =>
    fc.tuple(
      fc.constant(arts),
      fc.array(fc.record({ article: fc.nat({ max: arts.length - 1 }), exact: textArb.map((t) => t || 'x'), note: textArb, colour: fc.constantFrom<HighlightColour>(...HIGHLIGHT_COLOURS), deleted: fc.boolean(), tags: fc.array(fc.constantFrom('Oil', 'trade'), { maxLength: 1 }) }), { maxLength: 10 }),
    ),
  );
const queryArb = fc.record({
  text: fc.array(fc.constantFrom('bud', 'budgets', 'elan', 'ÉLAN', 'oil', 'o', 'summ', '20', 'nothing'), { maxLength: 2 }).map((w) => w.join(' ')),
  tag: fc.option(fc.constantFrom('energy', 'Trade', 'oil'), { nil: undefined }),
  site: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
  colour: fc.option(fc.constantFrom<HighlightColour>(...HIGHLIGHT_COLOURS), { nil: undefined }),
  entity: fc.option(fc.constantFrom('xi', 'Xi Jinping', 'putin xi', 'shanghai org', 'bei', 'nobody'), { nil: undefined }),
});

describe('the in-memory search against the Dexie word index', () => {
  it('finds the same articles for any library and query', async () => {
    await fc.assert(
      fc.asyncProperty(libArb, queryArb, async ([arts, anns], query) => {
        const t = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
        const articles = arts.map((a, i) =>
          article({ title: a.title, note: a.note, tags: a.tags.slice(0, 1), site: a.site, updated: t(i), ...(a.entities.length ? { entities: a.entities } : {}), ...(a.deleted ? { deleted: t(100) } : {}) }),
        );
        const annotations = anns.map((h, i) => highlight(articles[h.article]!.id, h.exact, { note: h.note, colour: h.colour, tags: h.tags, updated: t(i), ...(h.deleted ? { deleted: t(100) } : {}) }));
        const db = memoryDb(`cmp-${n}`);
        await db.articles.bulkAdd(articles);
        await db.annotations.bulkAdd(annotations);
        await db.search.bulkAdd(articles.map((a) => searchEntry(a, annotations.filter((h) => h.articleId === a.id))));
        const fromDexie = await new LedeRepo(db).listArticles({ query: query.text, entity: query.entity, tag: query.tag, site: query.site, colour: query.colour, sort: 'updated' });
        const fromMemory = runQuery(buildCatalogue(articles, annotations), q({ ...query, sort: 'updated', order: 'desc' }));
        db.close();
        expect(fromMemory.map((e) => e.article.id)).toEqual(fromDexie.items.map((s) => s.article.id));
        expect(fromMemory.map((e) => [e.highlights, e.notes])).toEqual(fromDexie.items.map((s) => [s.highlights, s.notes]));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the line under a title', () => {
  it('shows the highlight that holds the search words, or else a note that does', () => {
    const a = article({ title: 'Harvest', note: 'Overall: wheat down' });
    const cat = buildCatalogue([a], [highlight(a.id, 'barley prices rose'), highlight(a.id, 'wheat yields fell sharply', { note: 'compare with Ukraine' })]);
    const e = cat.entries[0]!;
    expect(previewOf(cat, e, 'wheat fell')).toEqual({ kind: 'quote', text: 'wheat yields fell sharply' });
    expect(previewOf(cat, e, 'ukr')).toEqual({ kind: 'note', text: 'compare with Ukraine' });
    expect(previewOf(cat, e, 'overall')).toEqual({ kind: 'article-note', text: 'Overall: wheat down' });
    expect(previewOf(cat, e, 'harvest')).toBeUndefined();
    // No one text holds both words: the one that holds one of them.
    expect(previewOf(cat, e, 'harvest barley')).toEqual({ kind: 'quote', text: 'barley prices rose' });
    expect(previewOf(cat, e, 'barley ukraine overall')).toEqual({ kind: 'quote', text: 'barley prices rose' });
    expect(previewOf(cat, e, '')).toEqual({ kind: 'article-note', text: 'Overall: wheat down' });
    const b = article({ title: 'Plain' });
    const cat2 = buildCatalogue([b], [highlight(b.id, 'first quote')]);
    expect(previewOf(cat2, cat2.entries[0]!, '')).toEqual({ kind: 'quote', text: 'first quote' });
  });
});

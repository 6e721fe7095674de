import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupJson, makeBackup } from '../lib/export/backup';
import { annotationCollectionJson } from '../lib/export/jsonld';
import { DEFAULT_MAX_BYTES, readLibraryFile } from '../lib/export/library-file';
import { planMerge } from '../lib/export/merge';
import type { Annotation, Article } from '../lib/model/types';
import { libraryArb } from './arbitraries';
import { backupText, restoreBackup } from './backup';
import { CURRENT_VERSION, type LedeDB } from './db';
import { importFile } from './import';
import { LedeRepo } from './repo';
import { dump, memoryDb, steppingClock } from './testing';

const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

async function records(db: LedeDB): Promise<{ articles: Article[]; annotations: Annotation[] }> {
  return { articles: byId(await db.articles.toArray()), annotations: byId(await db.annotations.toArray()) };
}

const jsonld = (lib: { articles: Article[]; annotations: Annotation[] }): string =>
  annotationCollectionJson(lib.articles, lib.annotations, { generated: '2026-11-25T18:00:00.000Z', collectionId: 'urn:uuid:00000000-0000-4000-8000-000000000000' });

const backup = (lib: { articles: Article[]; annotations: Annotation[] }): string =>
  backupJson(makeBackup(lib.articles, lib.annotations, '2026-11-25T18:00:00.000Z', 2));

let dbCounter = 0;
const freshDb = (): LedeDB => memoryDb(`lede-import-${dbCounter++}`);

/** A small library made through the repository, as a reader would. */
async function seeded(): Promise<{ db: LedeDB; repo: LedeRepo; article: Article; ann: Annotation }> {
  const db = freshDb();
  const repo = new LedeRepo(db, { clock: steppingClock('2026-03-01T00:00:00.000Z') });
  const article = await repo.upsertArticle({ url: 'https://example.com/news/1', title: 'Seeded', site: 'Example' });
  const ann = await repo.createAnnotation({
    articleId: article.id,
    selectors: [{ type: 'TextQuoteSelector', exact: 'kept passage', prefix: '', suffix: '' }],
    note: 'kept note',
  });
  return { db, repo, article: (await repo.getArticle(article.id)) as Article, ann };
}

describe('export → import round trip (property)', () => {
  for (const [name, serialise] of [
    ['W3C JSON-LD', jsonld],
    ['full backup', backup],
  ] as const) {
    it(`${name}: reproduces every article and annotation exactly, and a second import changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(libraryArb, async (lib) => {
          const db = freshDb();
          const text = serialise(lib);
          const first = await importFile(db, text);
          expect(first.errors).toEqual([]);
          expect(first.ok).toBe(true);
          expect(await records(db)).toEqual({ articles: byId(lib.articles), annotations: byId(lib.annotations) });
          expect(first.added + first.deleted).toBe(lib.articles.length + lib.annotations.length);

          const before = await dump(db);
          const second = await importFile(db, text);
          expect(second).toMatchObject({ ok: true, added: 0, updated: 0, deleted: 0, skipped: [] });
          expect(second.unchanged).toBe(lib.articles.length + lib.annotations.length);
          expect(await dump(db)).toEqual(before);
          db.close();
        }),
        { numRuns: 20 },
      );
    });
  }

  it('a backup of a library used through the repository restores into an empty database', async () => {
    const { db, repo, article } = await seeded();
    const gone = await repo.createAnnotation({ articleId: article.id, selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }] });
    await repo.deleteAnnotation(gone.id);
    const text = await backupText(db);
    expect(JSON.parse(text)).toMatchObject({ format: 'lede-backup', version: 1, databaseVersion: CURRENT_VERSION });
    const target = freshDb();
    const report = await restoreBackup(target, new Blob([text]));
    expect(report).toMatchObject({ ok: true, format: 'lede-backup', added: 2, deleted: 1 });
    expect(await dump(target)).toEqual(await dump(db));
  });
});

describe('merge rules', () => {
  it('newer modified wins; older copies are skipped with a reason', async () => {
    const { db, article, ann } = await seeded();
    const newer = { ...ann, note: 'edited elsewhere', updated: '2027-01-01T00:00:00.000Z' };
    const r1 = await importFile(db, backup({ articles: [article], annotations: [newer] }));
    expect(r1).toMatchObject({ ok: true, updated: 1, unchanged: 1 });
    expect((await db.annotations.get(ann.id))?.note).toBe('edited elsewhere');

    const older = { ...ann, note: 'stale', updated: '2020-01-01T00:00:00.000Z' };
    const r2 = await importFile(db, backup({ articles: [article], annotations: [older] }));
    expect(r2.skipped).toEqual([{ id: ann.id, kind: 'annotation', reason: 'The library’s version is newer.' }]);
    expect((await db.annotations.get(ann.id))?.note).toBe('edited elsewhere');
  });

  it('an older live copy does not bring back a deleted highlight, a newer deletion in the file applies', async () => {
    const { db, repo, article, ann } = await seeded();
    const liveCopy = (await db.annotations.get(ann.id)) as Annotation;
    await repo.deleteAnnotation(ann.id);
    const r1 = await importFile(db, backup({ articles: [article], annotations: [liveCopy] }));
    expect(r1.skipped).toEqual([{ id: ann.id, kind: 'annotation', reason: 'It was deleted in the library after this version was saved.' }]);
    expect(r1.deletedSince).toBe(1);
    expect(await repo.listAnnotations(article.id)).toEqual([]);

    const other = await repo.createAnnotation({ articleId: article.id, selectors: [{ type: 'TextQuoteSelector', exact: 'other', prefix: '', suffix: '' }] });
    const tomb = { ...other, deleted: '2030-01-01T00:00:00.000Z', updated: '2030-01-01T00:00:00.000Z' };
    const r2 = await importFile(db, backup({ articles: [article], annotations: [tomb] }));
    expect(r2).toMatchObject({ ok: true, deleted: 1 });
    expect(await repo.listAnnotations(article.id)).toEqual([]);
    expect(await repo.searchLibrary('other')).toEqual([]);
  });

  it('brings back what was deleted after the file was made when asked, exactly as the file has it', async () => {
    const { db, repo, article, ann } = await seeded();
    const text = backup(await records(db));
    const before = await dump(db);
    await repo.deleteArticle(article.id);
    const kept = await importFile(db, text);
    expect(kept).toMatchObject({ ok: true, deletedSince: 2, restored: 0 });
    expect(await repo.getArticle(article.id)).toBeUndefined();
    const restored = await importFile(db, text, { restoreDeleted: true });
    expect(restored).toMatchObject({ ok: true, restored: 2, deletedSince: 0, skipped: [] });
    expect(await dump(db)).toEqual(before);
    expect((await repo.listAnnotations(article.id)).map((a) => a.id)).toEqual([ann.id]);
    expect(await importFile(db, text, { restoreDeleted: true })).toMatchObject({ ok: true, restored: 0, unchanged: 2 });
  });

  it('an article from another install with the same address is merged into the library’s', async () => {
    const { db, repo, article } = await seeded();
    const foreignId = '11111111-2222-4333-8444-555555555555';
    const theirs: Article = { ...article, id: foreignId, title: 'Seeded (their copy)', updated: '2030-01-01T00:00:00.000Z' };
    const theirAnn: Annotation = {
      id: '66666666-7777-4888-8999-aaaaaaaaaaaa',
      articleId: foreignId,
      selectors: [{ type: 'TextQuoteSelector', exact: 'their passage', prefix: '', suffix: '' }],
      colour: 'blue',
      note: '',
      tags: [],
      created: '2030-01-01T00:00:00.000Z',
      updated: '2030-01-01T00:00:00.000Z',
    };
    const report = await importFile(db, jsonld({ articles: [theirs], annotations: [theirAnn] }));
    expect(report).toMatchObject({ ok: true, merged: [{ title: 'Seeded (their copy)', url: article.url }] });
    expect(await db.articles.count()).toBe(1);
    expect((await repo.listAnnotations(article.id)).map((a) => a.id)).toContain(theirAnn.id);
    expect((await repo.getArticle(article.id))?.title).toBe('Seeded (their copy)');
  });

  it('skips highlights whose article is nowhere', async () => {
    const db = freshDb();
    const orphan: Annotation = {
      id: '66666666-7777-4888-8999-aaaaaaaaaaaa',
      articleId: '11111111-2222-4333-8444-555555555555',
      selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }],
      colour: 'blue',
      note: '',
      tags: [],
      created: '2030-01-01T00:00:00.000Z',
      updated: '2030-01-01T00:00:00.000Z',
    };
    const report = await importFile(db, backup({ articles: [], annotations: [orphan] }));
    expect(report).toMatchObject({ ok: true, added: 0, skipped: [{ id: orphan.id, reason: 'Its article is neither in the file nor in the library.' }] });
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('other annotators', () => {
  it('imports a W3C annotation from another tool into the matching article, and a second time changes nothing', async () => {
    const { db, repo, article } = await seeded();
    const foreign = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://annotator.example/a/1',
          type: 'Annotation',
          created: '2026-04-01T00:00:00Z',
          body: [{ type: 'TextualBody', value: 'from elsewhere' }, { type: 'TextualBody', value: 'imported', purpose: 'tagging' }],
          target: { source: 'https://m.example.com/news/1?utm_campaign=x', selector: { type: 'TextQuoteSelector', exact: 'their quote' } },
        },
      ],
    });
    const first = await importFile(db, foreign);
    expect(first).toMatchObject({ ok: true, format: 'w3c-jsonld', added: 1, updated: 0, merged: [] });
    const anns = await repo.listAnnotations(article.id);
    expect(anns.map((a) => [a.note, a.tags])).toEqual([['kept note', []], ['from elsewhere', ['imported']]]);
    expect((await repo.getArticle(article.id))?.title).toBe('Seeded');
    const before = await dump(db);
    expect(await importFile(db, foreign)).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 1 });
    expect(await dump(db)).toEqual(before);
  });
});

describe('bad files change nothing', () => {
  async function expectRejected(input: string | Blob, message: RegExp, maxBytes?: number): Promise<void> {
    const { db } = await seeded();
    const before = await dump(db);
    const report = await importFile(db, input, maxBytes === undefined ? {} : { maxBytes });
    expect(report.ok).toBe(false);
    expect(report.errors.join(' ')).toMatch(message);
    expect(report).toMatchObject({ added: 0, updated: 0, deleted: 0 });
    expect(await dump(db)).toEqual(before);
  }

  it('a truncated export', async () => {
    const { db } = await seeded();
    const full = jsonld(await records(db));
    await expectRejected(full.slice(0, Math.floor(full.length / 2)), /truncated/);
    await expectRejected(backup(await records(db)).slice(0, -1), /truncated/);
    await expectRejected('', /empty/);
  });

  it('wrong JSON types, in the container or in one record among many', async () => {
    const { article, ann } = await seeded();
    const good = { articles: [article], annotations: [ann] };
    await expectRejected('"just a string"', /not an object or list/);
    await expectRejected('42', /not an object or list/);
    await expectRejected('null', /not an object or list/);
    await expectRejected('{"hello": "world"}', /Not a Web Annotation file/);
    await expectRejected('[1, 2]', /items\[0\]: not an Annotation/);
    await expectRejected(JSON.stringify({ format: 'lede-backup', version: 1, articles: 'x', annotations: [] }), /"articles" list/);
    await expectRejected(JSON.stringify({ format: 'lede-backup', version: 9, articles: [], annotations: [] }), /newer Lede/);
    const manyThenBad = { ...good, annotations: [ann, { ...ann, id: '66666666-7777-4888-8999-aaaaaaaaaaaa', note: 5 }] };
    await expectRejected(JSON.stringify(makeBackup(manyThenBad.articles, manyThenBad.annotations as Annotation[], '2026-01-01T00:00:00.000Z', 2)), /Annotation 2 .*note: a note must be a string/);
    const badTime = { ...article, updated: 'yesterday' };
    await expectRejected(backup({ articles: [badTime], annotations: [] }), /Article 1 .*updated: a time must be an ISO 8601/);
    const doc = JSON.parse(jsonld(good)) as { first: { items: Record<string, unknown>[] } };
    const item = doc.first.items[0] as Record<string, unknown>;
    item.target = { source: 'https://example.com/news/1', selector: { type: 'TextQuoteSelector', exact: 7 } };
    await expectRejected(JSON.stringify(doc), /items\[0\]\.target\.selector\[0\]: .*exact/);
    item.target = 5;
    await expectRejected(JSON.stringify(doc), /items\[0\]: .*target/);
    const wrongColour = JSON.parse(jsonld(good)) as { first: { items: Record<string, unknown>[] } };
    wrongColour.first.items[0]!['lede:colour'] = 'red';
    await expectRejected(JSON.stringify(wrongColour), /items\[0\]\.lede:colour: a colour must be one of yellow/);
    await expectRejected(JSON.stringify({ ...JSON.parse(jsonld(good)), 'lede:articles': {} }), /"lede:articles" must be a list/);
  });

  it('a record that is too big, deep nesting, ids of the wrong type and a hostile __proto__ key', async () => {
    const { db, article, ann } = await seeded();
    await expectRejected(backup({ articles: [article], annotations: [{ ...ann, note: 'x'.repeat(1_000_001) }] }), /longer than 1000000/);
    await expectRejected(`${'['.repeat(200_000)}${']'.repeat(200_000)}`, /items\[0\]: not an Annotation/);
    await expectRejected(JSON.stringify({ format: 'lede-backup', version: 1, articles: [], annotations: new Array(3).fill({ id: 1 }) }), /Annotation 1 .*id: an id must be a string/);
    const polluted = backup({ articles: [article], annotations: [ann] }).replace('"note":"kept note"', '"note":"kept note","__proto__":{"polluted":true}');
    const report = await importFile(db, polluted);
    expect(report.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys((await db.annotations.get(ann.id)) as object)).not.toContain('__proto__');
  });

  it('a valid 50 MB file imports; 50 MB of junk is refused as not JSON', async () => {
    const { db, article, ann } = await seeded();
    // Fifty-three highlights with notes of a million characters: a 50 MB backup that writes quickly.
    const big = Array.from({ length: 53 }, (_, i) => ({ ...ann, id: `${ann.id.slice(0, -4)}${String(1000 + i)}`, note: `${i} `.padEnd(1_000_000, 'long note ') }));
    const text = backup({ articles: [article], annotations: big });
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(50 * 1024 * 1024);
    const report = await importFile(db, new Blob([text]));
    expect(report).toMatchObject({ ok: true, added: 53, unchanged: 1 });
    expect(await db.annotations.count()).toBe(54);
    await expectRejected('x'.repeat(50 * 1024 * 1024), /not valid JSON/);
  });

  it('a file over the limit is refused before it is read, in bytes of UTF-8', async () => {
    const limit = 1024 * 1024;
    await expectRejected('x'.repeat(limit + 1), /at most 1\.0 MB/, limit);
    // Multi-byte text: under the limit in characters, over it in bytes.
    await expectRejected('é'.repeat(limit / 2 + 1), /at most 1\.0 MB/, limit);
    await expectRejected(new Blob([new Uint8Array(limit + 10)]), /1\.0 MB.*at most 1\.0 MB/, limit);
    // The default limit: a file that says it is bigger is never read.
    const huge = { size: DEFAULT_MAX_BYTES + 1, text: () => Promise.reject(new Error('read')), stream: () => { throw new Error('read'); } } as unknown as Blob;
    await expectRejected(huge, /The file is 256\.0 MB; Lede imports files of at most 256\.0 MB/);
  });

  it('a file within the limit is accepted, up to exactly the limit', async () => {
    const { db, article, ann } = await seeded();
    const text = backup({ articles: [article], annotations: [{ ...ann, note: 'changed', updated: '2031-01-01T00:00:00.000Z' }] });
    const bytes = new TextEncoder().encode(text).length;
    expect((await importFile(db, text, { maxBytes: bytes - 1 })).ok).toBe(false);
    expect(await importFile(db, text, { maxBytes: bytes })).toMatchObject({ ok: true, updated: 1 });
  });
});

/** `perArticle` annotations on each of `articleCount` articles; every tenth has a note. */
function bigLibrary(articleCount: number, perArticle: number): { articles: Article[]; annotations: Annotation[] } {
  const articles: Article[] = [];
  const annotations: Annotation[] = [];
  const t = '2026-01-01T00:00:00.000Z';
  const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');
  for (let i = 0; i < articleCount; i++) {
    const id = `aaaaaaaa-0000-4000-8000-${hex(i, 12)}`;
    articles.push({ id, url: `https://example.com/a/${i}`, title: `Article ${i}`, site: 'Example', note: '', tags: [], created: t, updated: t });
    for (let j = 0; j < perArticle; j++) {
      annotations.push({
        id: `bbbbbbbb-${hex(i, 4)}-4000-8000-${hex(j, 12)}`,
        articleId: id,
        selectors: [{ type: 'TextQuoteSelector', exact: `passage ${i} ${j} word${j}`, prefix: 'p', suffix: 's' }],
        colour: 'yellow',
        note: j % 10 === 0 ? 'a note' : '',
        tags: [],
        created: t,
        updated: t,
      });
    }
  }
  return { articles, annotations };
}

describe('large imports', () => {
  // Writing 100,000 records into fake-indexeddb takes 30-50 s on the 2-core test
  // machine (its cost is per request, not Lede's), so the full 100,000-annotation
  // import into a real database is e2e/library-import.spec.ts, through the library page
  // in Chromium; here the same file goes through everything before the writes, and
  // 5,000 annotations go all the way.
  const hundredThousand = bigLibrary(100, 1000);
  const hundredThousandText = backup(hundredThousand);

  it('reads, validates and plans a file of 100,000 annotations, reporting progress', async () => {
    const progress: number[] = [];
    const file = await readLibraryFile(hundredThousandText, { now: '2026-11-25T18:00:00.000Z', onProgress: (done, _total, stage) => stage === 'checking' && progress.push(done) });
    expect(file.annotations).toHaveLength(100_000);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(100_100);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const plan = planMerge(file, { articlesById: new Map(), articlesByUrl: new Map(), annotationsById: new Map() });
    expect(plan.report).toMatchObject({ ok: true, added: 100_100, skipped: [] });
    expect(plan.annotations).toHaveLength(100_000);
  });

  it('rejects a file of 100,000 annotations with one bad record at the end and writes nothing', async () => {
    const { db } = await seeded();
    const before = await dump(db);
    const at = hundredThousandText.lastIndexOf('"colour":"yellow"');
    const bad = `${hundredThousandText.slice(0, at)}"colour":"red"${hundredThousandText.slice(at + '"colour":"yellow"'.length)}`;
    const report = await importFile(db, bad);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatch(/Annotation 100000 .*colour: a colour must be one of yellow/);
    expect(await dump(db)).toEqual(before);
  });

  it('imports 5,000 annotations into a database in one go and finds them', async () => {
    const { db } = await seeded();
    const lib = bigLibrary(10, 500);
    const report = await importFile(db, backup(lib));
    expect(report).toMatchObject({ ok: true, added: 5_010, skipped: [] });
    expect(await db.annotations.count()).toBe(5_001);
    const repo = new LedeRepo(db);
    expect((await repo.searchLibrary('word499')).length).toBe(10);
    expect((await repo.listArticles({ sort: 'highlights', limit: 1 })).items[0]?.highlights).toBe(500);
  });
});

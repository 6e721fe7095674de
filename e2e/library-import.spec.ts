// Importing large files through the library page, in Chromium with the built extension and
// its real IndexedDB: a Lede JSON-LD export of 100,000 annotations (about 71 MB, so also
// a file well over 50 MB), the same file with one bad record at its end, and a file over
// the import limit. The import runs in the page's worker; these go through the file picker.
import { closeSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { annotationCollectionJson } from '../lib/export/jsonld';
import { DEFAULT_MAX_BYTES } from '../lib/export/library-file';
import { bigLibrary } from '../scripts/big-library';
import { seedMessages, seedThroughBackground } from '../scripts/library-seed.ts';
import { expect, test } from './fixtures';
import { digest } from './library-db';

const ANNOTATIONS = 100_000;
const PER_ARTICLE = 200;

test('a JSON-LD export of 100,000 annotations imports, again changes nothing; a bad or oversized file changes nothing', async ({ context, extensionId }, testInfo) => {
  test.setTimeout(600_000);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const seeded = seedMessages(5, 2);
  await seedThroughBackground(page, seeded);

  const lib = bigLibrary(ANNOTATIONS, PER_ARTICLE);
  const text = annotationCollectionJson(lib.articles, lib.annotations, { generated: '2026-11-25T18:00:00.000Z', collectionId: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
  const bytes = Buffer.byteLength(text);
  expect(bytes).toBeGreaterThan(50 * 1024 * 1024);
  const good = testInfo.outputPath('lede-100k.jsonld');
  writeFileSync(good, text);
  // The last annotation's quote is a number, not text: the whole file is refused.
  const lastQuote = `"exact":"the minister said ${ANNOTATIONS / PER_ARTICLE - 1}-${PER_ARTICLE - 1} percent"`;
  const at = text.lastIndexOf(lastQuote);
  expect(at).toBeGreaterThan(0);
  const bad = testInfo.outputPath('lede-100k-bad.jsonld');
  writeFileSync(bad, `${text.slice(0, at)}"exact":7${text.slice(at + lastQuote.length)}`);
  // One byte over the limit, as a sparse file: nothing of it is ever read.
  const huge = testInfo.outputPath('huge.jsonld');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, DEFAULT_MAX_BYTES + 1);
  closeSync(fd);

  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(page.getByTestId('library-counts')).toHaveText('5 articles · 10 highlights');
  const before = await digest(page);
  const report = page.getByTestId('import-report');

  await page.getByTestId('library-import').setInputFiles(huge);
  await expect(report).toContainText('Could not import huge.jsonld');
  await expect(report).toContainText('Lede imports files of at most 256.0 MB');
  expect(await digest(page)).toEqual(before);

  await page.getByTestId('library-import').setInputFiles(bad);
  await expect(page.getByTestId('library-progress')).toBeVisible();
  await expect(report).toContainText('Could not import lede-100k-bad.jsonld', { timeout: 300_000 });
  await expect(report).toContainText(/items\[99999\]\.target\.selector\[0\]: .*exact/);
  await expect(report).toContainText('Nothing was changed.');
  expect(await digest(page)).toEqual(before);

  // The page keeps answering while the worker imports: a search comes back during the import.
  const started = Date.now();
  await page.getByTestId('library-import').setInputFiles(good);
  await expect(page.getByTestId('library-progress')).toContainText(/Importing lede-100k\.jsonld: (reading the file|checking every record)/);
  await page.getByTestId('library-search').fill(seeded[0]!.meta.title);
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await page.getByTestId('library-search').fill('');
  await expect(report).toContainText(`${(ANNOTATIONS + ANNOTATIONS / PER_ARTICLE).toLocaleString('en-US')} added`, { timeout: 300_000 });
  testInfo.annotations.push({ type: 'import of 100,000 annotations', description: `${((Date.now() - started) / 1000).toFixed(1)} s` });
  await expect(page.getByTestId('library-counts')).toHaveText(`${(5 + ANNOTATIONS / PER_ARTICLE).toLocaleString('en-US')} articles · ${(ANNOTATIONS + 10).toLocaleString('en-US')} highlights`, { timeout: 60_000 });
  const after = await digest(page);
  expect(after).toMatchObject({ articles: 5 + ANNOTATIONS / PER_ARTICLE, annotations: ANNOTATIONS + 10 });
  // One imported highlight found by a word of its quote.
  await page.getByTestId('library-search').fill('minister 499-199');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row-title')).toHaveText('Story 499');
  await page.getByTestId('library-search').fill('');

  await page.getByTestId('library-import').setInputFiles(good);
  await expect(report).toContainText(`${(ANNOTATIONS + ANNOTATIONS / PER_ARTICLE).toLocaleString('en-US')} unchanged`, { timeout: 300_000 });
  await expect(report).toContainText('0 added');
  expect(await digest(page)).toEqual(after);
});

// The library page end to end, in Chromium with the built extension. The library is
// seeded through the real background with 1,000 highlights over 100 articles (seeding
// 10,000 one message at a time takes minutes on a busy 2-core machine; bench/library.ts
// seeds and times the full 10,000 over 1,000).
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { seedMessages, seedThroughBackground } from '../scripts/library-seed.ts';
import { expect, test } from './fixtures';
import { records, wipe } from './library-db';
import { noteTexts, painted, select } from './reader';

const ARTICLES = 100;
const PER_ARTICLE = 10;

async function download(page: Page, testId: string, path: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  await file.saveAs(path);
  return file.suggestedFilename();
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('library-import').setInputFiles(path);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test('the library lists, searches, filters, deletes with undo, exports and imports back', async ({ context, extensionId }, testInfo) => {
  test.setTimeout(240_000);
  const messages = seedMessages(ARTICLES, PER_ARTICLE);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await seedThroughBackground(page, messages);

  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(page.getByTestId('library-counts')).toHaveText('100 articles · 1,000 highlights');
  await expect(page.getByTestId('library-row').first()).toBeVisible();
  expect(await page.evaluate(() => performance.getEntriesByName('lede:library-rendered').length)).toBe(1);
  // Only a screenful of rows is in the DOM, and scrolling to the end shows the last ones.
  const inDom = await page.getByTestId('library-row').count();
  expect(inDom).toBeGreaterThan(5);
  expect(inDom).toBeLessThan(ARTICLES);
  await page.getByTestId('library-sort').selectOption('title');
  await page.getByTestId('library-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId('library-row').last()).toHaveAttribute('aria-posinset', String(ARTICLES));

  // Search: the number in a title, and words of quotes and notes.
  await page.getByTestId('library-search').fill('42');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row-title')).toContainText('(42)');
  expect(await page.evaluate(() => performance.getEntriesByName('lede:library-search').length)).toBeGreaterThan(0);
  // A word of a quote: the row shows the quote that holds it.
  await page.getByTestId('library-search').fill('reservoir');
  await expect(page.getByTestId('library-row-preview').first()).toContainText(/reservoir/i);
  await page.getByTestId('library-search').fill('zzzz');
  await expect(page.getByTestId('library-empty')).toHaveText('No article matches the search and filters.');
  await page.getByTestId('library-search').fill('');

  // Tag filter: articles whose highlights carry the tag, counted from the seed itself.
  const tagged = new Set(messages.filter((m) => m.tags?.includes('energy')).map((m) => m.meta.url)).size;
  await page.getByTestId('library-filter-tag').selectOption('energy');
  await expect(page.getByTestId('library-select-all')).toBeEnabled();
  await expect(page.locator('.select-all')).toContainText(`Select all ${tagged} articles shown`);
  await page.getByTestId('library-filter-tag').selectOption('');

  // Entity filter: the articles naming a place, and those naming a place and a person.
  const naming = (...names: string[]) => new Set(messages.filter((m) => names.every((n) => m.meta.entities.some((e) => e.label === n))).map((m) => m.meta.url)).size;
  await page.getByTestId('library-filter-entity').fill('Nairobi');
  await expect(page.locator('.select-all')).toContainText(`Select all ${naming('Nairobi')} articles shown`);
  await page.getByTestId('library-filter-entity').fill('nairobi kenji');
  await expect(page.locator('.select-all')).toContainText(`Select all ${naming('Nairobi', 'Kenji Sato')} articles shown`);
  await expect(page.locator('#library-entity-names option[value="Kenji Sato"]')).toHaveAttribute('label', /^Person, \d+ articles$/);
  await page.getByTestId('library-filter-entity').fill('');

  expect(await seriousViolations(page)).toEqual([]);

  // Export everything, as JSON-LD and as a backup.
  const before = await records(page);
  const jsonPath = testInfo.outputPath('library.jsonld');
  const backupPath = testInfo.outputPath('backup.json');
  expect(await download(page, 'library-export-json', jsonPath)).toMatch(/^lede-export-\d{4}-\d\d-\d\d\.jsonld$/);
  expect(await download(page, 'library-export-backup', backupPath)).toMatch(/^lede-backup-\d{4}-\d\d-\d\d\.json$/);
  expect(JSON.parse(readFileSync(jsonPath, 'utf8')).total).toBe(1000);
  const mdPath = testInfo.outputPath('library.md');
  await download(page, 'library-export-markdown', mdPath);
  const md = readFileSync(mdPath, 'utf8');
  expect(md).toContain(messages[0]!.meta.title);
  expect(md).toContain(messages[messages.length - 1]!.meta.url);
  const zipPath = testInfo.outputPath('library.zip');
  expect(await download(page, 'library-export-markdown-zip', zipPath)).toMatch(/\.zip$/);
  expect(readFileSync(zipPath).subarray(0, 2).toString('latin1')).toBe('PK');
  // The current filter's selection: one article's ten highlights, one CSV row each after the header.
  await page.getByTestId('library-search').fill('42');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  const csvPath = testInfo.outputPath('selection.csv');
  await download(page, 'library-export-csv', csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv.trim().split(/\r\n/)).toHaveLength(1 + PER_ARTICLE);
  expect(csv).toContain('(42)');
  await page.getByTestId('library-search').fill('');

  // Deleted in the library after the export was made: importing the older file does not bring it back.
  await page.getByTestId('library-search').fill('42');
  await page.getByTestId('library-select-all').check();
  await page.getByTestId('library-delete').click();
  await expect(page.getByTestId('library-counts')).toHaveText('99 articles · 990 highlights');
  await page.getByTestId('library-search').fill('');
  await importFile(page, jsonPath);
  await expect(page.getByTestId('import-report')).toContainText('1,089 unchanged');
  await expect(page.getByTestId('import-report')).toContainText('11 skipped');
  await expect(page.getByTestId('library-counts')).toHaveText('99 articles · 990 highlights');
  await page.getByTestId('library-undo').click();
  await expect(page.getByTestId('library-counts')).toHaveText('100 articles · 1,000 highlights');

  // Bulk delete of the whole library, and undo.
  await page.getByTestId('library-select-all').check();
  await page.getByTestId('library-delete').click();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await expect(page.getByTestId('library-counts')).toHaveText('0 articles · 0 highlights');
  await page.getByTestId('library-undo').click();
  await expect(page.getByTestId('library-counts')).toHaveText('100 articles · 1,000 highlights');

  // Export, delete all, import: the deletions are newer than the file, so the import keeps
  // them and says so; the reader brings the library back from the file, exactly as exported.
  await page.getByTestId('library-select-all').check();
  await page.getByTestId('library-delete').click();
  await expect(page.getByTestId('library-counts')).toHaveText('0 articles · 0 highlights');
  await importFile(page, jsonPath);
  await expect(page.getByTestId('import-report')).toContainText('1,100 records were deleted in the library after this file was made');
  await expect(page.getByTestId('library-counts')).toHaveText('0 articles · 0 highlights');
  await page.getByTestId('import-restore-deleted').click();
  await expect(page.getByTestId('import-report')).toContainText('1,100 restored');
  await expect(page.getByTestId('library-counts')).toHaveText('100 articles · 1,000 highlights');
  expect(await records(page)).toEqual(before);

  // All gone (cleared data, a new machine), then the export brings the library back as it was.
  await wipe(page);
  await page.reload();
  await expect(page.getByTestId('library-counts')).toHaveText('0 articles · 0 highlights');
  await importFile(page, jsonPath);
  await expect(page.getByTestId('import-report')).toContainText('1,100 added');
  await expect(page.getByTestId('library-counts')).toHaveText('100 articles · 1,000 highlights');
  expect(await records(page)).toEqual(before);

  // The backup, wiped and restored: every record exactly as it was when backed up.
  await wipe(page);
  await page.reload();
  await importFile(page, backupPath);
  await expect(page.getByTestId('import-report')).toContainText('1,100 added');
  expect(await records(page)).toEqual(before);
  // Importing the same file again changes nothing.
  await importFile(page, backupPath);
  await expect(page.getByTestId('import-report')).toContainText('1,100 unchanged');
  expect(await records(page)).toEqual(before);

  // A broken file: a clear error, nothing written.
  const broken = testInfo.outputPath('broken.json');
  writeFileSync(broken, readFileSync(backupPath, 'utf8').slice(0, 5000));
  await importFile(page, broken);
  await expect(page.getByTestId('import-report')).toContainText('Could not import broken.json');
  await expect(page.getByTestId('import-report')).toContainText('truncated');
  expect(await records(page)).toEqual(before);

  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});


test('the options page opens the library', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const [library] = await Promise.all([context.waitForEvent('page'), options.getByTestId('open-library').click()]);
  await library.waitForLoadState();
  expect(library.url()).toBe(`chrome-extension://${extensionId}/library.html`);
  await expect(library.getByTestId('library-empty')).toHaveText(/Nothing saved yet/);
  expect(await seriousViolations(library)).toEqual([]);
});

test('the library works from the keyboard', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await seedThroughBackground(page, seedMessages(3, 2));
  await page.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(page.getByTestId('library-counts')).toHaveText('3 articles · 6 highlights');

  await page.getByLabel('Search titles, quotes, notes and tags').focus();
  await page.keyboard.type('zzzz');
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('library-row')).toHaveCount(3);
  // Tab order: from a row's checkbox to its link; Space selects, Enter on a button acts.
  const row = page.getByTestId('library-row').first();
  await row.getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await expect(row.getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(row.getByTestId('library-row-title')).toBeFocused();
  await page.getByTestId('library-delete').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library-counts')).toHaveText('2 articles · 4 highlights');
  await page.getByTestId('library-undo').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library-counts')).toHaveText('3 articles · 6 highlights');
  // The scrolling list itself takes focus, so arrow keys and Page Down scroll it.
  await page.getByTestId('library-list').focus();
  await expect(page.getByTestId('library-list')).toBeFocused();
});

test('deleting an article in the library clears its highlights from an open tab, and undo paints them again', async ({ context, page, server, extensionId }) => {
  const phrase = 'Xi introduced his newly launched Global Governance Initiative';
  await page.goto(`${server.origin}/article.html`);
  await painted(page);
  await select(page, phrase);
  await page.getByTestId('highlight-yellow').click();
  await expect.poll(() => noteTexts(page)).toEqual({ yellow: [phrase] });

  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(library.getByTestId('library-counts')).toHaveText('1 article · 1 highlight');
  // The content script saved the names the page mentions with the article; the library filters by them.
  const [saved] = (await records(library)).articles as { entities?: { type: string; label: string }[] }[];
  const person = saved?.entities?.find((e) => e.type === 'PER' && /Xi/.test(e.label));
  expect(person, JSON.stringify(saved?.entities)).toBeDefined();
  expect(saved!.entities!.some((e) => e.type === 'LOC')).toBe(true);
  await library.getByTestId('library-filter-entity').fill(person!.label);
  await expect(library.getByTestId('library-row')).toHaveCount(1);
  await library.getByTestId('library-filter-entity').fill('Zzyzx');
  await expect(library.getByTestId('library-empty')).toBeVisible();
  await library.getByTestId('library-filter-entity').fill('');
  await library.getByTestId('library-select-all').check();
  await library.getByTestId('library-delete').click();
  await expect(library.getByTestId('library-counts')).toHaveText('0 articles · 0 highlights');
  await expect.poll(() => noteTexts(page)).toEqual({});
  await library.getByTestId('library-undo').click();
  await expect.poll(() => noteTexts(page)).toEqual({ yellow: [phrase] });
});

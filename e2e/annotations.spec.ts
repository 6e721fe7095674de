import type { Frame, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { noteTexts, painted, select } from './reader';

async function noteFrame(page: Page): Promise<Frame> {
  await expect(page.locator('lede-ui iframe[data-testid="note-frame"]')).toBeVisible();
  const handle = await page.locator('lede-ui iframe[data-testid="note-frame"]').elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForSelector('[data-testid="note-input"]');
  return frame!;
}

const PHRASE = 'Trade between China and Russia reached 244.8 billion U.S. dollars in 2024';

test('highlight with a note survives a reload and a browser restart; edit and delete work', async ({ page, server, relaunch }) => {
  await page.goto(`${server.origin}/article.html`);
  await painted(page);
  await select(page, PHRASE);
  await page.getByTestId('add-note').click();
  const frame = await noteFrame(page);
  await frame.getByTestId('note-input').fill('Check against customs data');
  await frame.getByTestId('note-save').click();
  await expect(page.locator('lede-ui iframe')).toHaveCount(0);
  await expect.poll(() => noteTexts(page)).toEqual({ yellow: [PHRASE] });

  // The page's scripts cannot read the note: it lives in an extension frame.
  const leaked = await page.evaluate(() => document.documentElement.outerHTML.includes('customs data'));
  expect(leaked).toBe(false);

  await page.reload();
  await painted(page);
  await expect.poll(() => noteTexts(page)).toEqual({ yellow: [PHRASE] });

  const restarted = await relaunch();
  const again = restarted.page;
  await again.goto(`${server.origin}/article.html`);
  await painted(again);
  await expect.poll(() => noteTexts(again)).toEqual({ yellow: [PHRASE] });

  // Click the highlight: the editor shows the saved note; change colour and note.
  const point = await again.evaluate(() => {
    const p = [...document.querySelectorAll('article p')].find((el) => el.textContent!.startsWith('Trade between'))!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 2);
    range.setEnd(p.firstChild!, 3);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await again.mouse.click(point.x, point.y);
  const editor = await noteFrame(again);
  await expect(editor.getByTestId('note-input')).toHaveValue('Check against customs data');
  await editor.getByTestId('note-input').fill('Checked: matches customs data');
  await editor.getByTestId('colour-green').click();
  await editor.getByTestId('note-save').click();
  await expect.poll(() => noteTexts(again)).toEqual({ green: [PHRASE] });

  await again.mouse.click(point.x, point.y);
  const deleting = await noteFrame(again);
  await deleting.getByTestId('annotation-delete').click();
  await expect.poll(() => noteTexts(again)).toEqual({});
  // Undo brings it back.
  await again.locator('lede-ui [data-testid="undo"]').click();
  await expect.poll(() => noteTexts(again)).toEqual({ green: [PHRASE] });
});

test('the headline carries no marks but the reader can highlight it, and the highlight comes back after a reload', async ({ page, server }) => {
  await page.goto(`${server.origin}/article.html`);
  await painted(page);
  const words = 'pledge deeper cooperation';
  await select(page, words, 'h1');
  await page.getByTestId('highlight-green').click();
  await expect.poll(() => noteTexts(page)).toEqual({ green: [words] });
  await page.reload();
  await painted(page);
  await expect.poll(() => noteTexts(page)).toEqual({ green: [words] });
});

test('two tabs on one article see each other’s highlights without reload', async ({ context, page, server }) => {
  await page.goto(`${server.origin}/article.html`);
  await painted(page);
  const other = await context.newPage();
  await other.goto(`${server.origin}/article.html?utm_source=newsletter`);
  await painted(other);
  await page.bringToFront();
  await select(page, 'Xi introduced his newly launched Global Governance Initiative');
  await page.getByTestId('highlight-blue').click();
  await expect.poll(() => noteTexts(page)).toEqual({ blue: ['Xi introduced his newly launched Global Governance Initiative'] });
  await expect.poll(() => noteTexts(other)).toEqual({ blue: ['Xi introduced his newly launched Global Governance Initiative'] });
});

test('after the site edits the article, highlights come back on their text or are listed as orphans', async ({ context, page, server, popupUrl }) => {
  const original = await (await fetch(`${server.origin}/article.html`)).text();
  server.set('/edited.html', original);
  await page.goto(`${server.origin}/edited.html`);
  await painted(page);
  const kept = 'He emphasized five guiding principles';
  const removed = 'The leaders also signed over 20 cooperation agreements';
  const reworded = 'Xi also called for strengthened resilience and understanding in cooperation';
  for (const phrase of [kept, removed, reworded]) {
    await select(page, phrase);
    await page.getByTestId('highlight-yellow').click();
    await expect.poll(async () => (await noteTexts(page)).yellow ?? []).toContain(phrase);
  }

  // The site inserts a paragraph above, changes a few words, and removes the last paragraph.
  const edited = original
    .replace('<p>President Xi highlighted', '<p>Editor’s note: this article was updated with new figures on trade between the two countries.</p>\n<p>President Xi highlighted')
    .replace('strengthened resilience and understanding', 'stronger resilience and mutual understanding')
    .replace(/<p>The leaders also signed[^<]*<\/p>/, '');
  server.set('/edited.html', edited);
  await page.reload();
  await painted(page);
  await expect.poll(async () => (await noteTexts(page)).yellow?.sort() ?? []).toEqual(
    [kept, 'Xi also called for stronger resilience and mutual understanding in cooperation'].sort(),
  );

  await page.bringToFront();
  const worker = context.serviceWorkers()[0]!;
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const popup = await context.newPage();
  await popup.goto(`${popupUrl}?tabId=${tabId}`);
  const orphan = popup.getByTestId('note').filter({ hasText: removed });
  await expect(orphan).toBeVisible();
  await expect(orphan).toContainText(/not found|orphan/i);
});

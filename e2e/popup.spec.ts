// The popup on the demo article and on hostile pages: facts, names, notes, exports, states, access.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { sendToBackground, sendToTab, tabIdOf, waitForLede } from '../scripts/lede-driver.ts';

/** The six facts the seed's gold file says a reader should be shown, as the demo article writes them. */
const GOLD_FACTS = ['244.8 billion U.S. dollars', '15 consecutive years', 'over 20', '80th', 'fourth', 'five'];

async function openArticle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForLede(page);
}

async function openPopup(context: BrowserContext, popupUrl: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 800 });
  await popup.goto(`${popupUrl}?tabId=${tabId}`);
  await expect(popup.getByTestId('popup')).toBeVisible();
  return popup;
}

async function readDownload(popup: Page, testId: string): Promise<string> {
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId(testId).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

/** Whether the first text node containing `phrase` is inside the page's viewport. */
function phraseInView(page: Page, phrase: string): Promise<boolean> {
  return page.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(phrase);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const rect = range.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight;
    }
    throw new Error(`not on the page: ${phrase}`);
  }, phrase);
}

async function setup(context: BrowserContext, page: Page, serviceWorker: Worker, popupUrl: string, url: string) {
  await openArticle(page, url);
  const tabId = await tabIdOf(serviceWorker, page);
  return { tabId, popup: await openPopup(context, popupUrl, tabId) };
}

test('the demo article: six key facts, the money in words, and names by kind with their counts', async ({ context, page, server, serviceWorker, popupUrl }) => {
  const { popup } = await setup(context, page, serviceWorker, popupUrl, `${server.origin}/article.html`);
  await expect(popup.getByTestId('article-title')).toHaveText('Xi and Putin pledge deeper cooperation at SCO Summit in Beijing');
  await expect(popup.getByTestId('article-meta')).toContainText('The Daily Ledger');
  await expect(popup.getByTestId('article-meta')).toContainText('2 September 2025');

  const facts = popup.getByTestId('facts').getByTestId('fact');
  const texts = (await facts.allTextContents()).map((t) => t.toLowerCase());
  for (const figure of GOLD_FACTS) {
    // A card shows the figure normalised, with the page's wording when that says more.
    const words = figure === '244.8 billion U.S. dollars' ? '244.8 billion us dollars' : figure.toLowerCase();
    expect(texts.some((t) => t.includes(words)), `a fact card for “${figure}” in ${JSON.stringify(texts)}`).toBe(true);
  }
  await expect(facts.getByTestId('fact-value').filter({ hasText: /^244\.8 billion US dollars$/ })).toHaveCount(1);

  const people = popup.getByTestId('entity-group-person').getByTestId('entity');
  const places = popup.getByTestId('entity-group-place').getByTestId('entity');
  const count = async (group: typeof people, label: string) =>
    Number(await group.filter({ has: popup.getByTestId('entity-label').getByText(label, { exact: true }) }).getByTestId('entity-count').textContent());
  // The article body names Xi once in full and five times as "Xi"; the headline is not marked.
  // (Soft: a miss here is the extractor's, and the places below still deserve checking.)
  expect.soft(await count(people, 'Xi Jinping')).toBe(6);
  expect.soft(await count(people, 'Vladimir Putin')).toBeGreaterThanOrEqual(2);
  // Most mentioned first.
  await expect.soft(people.first().getByTestId('entity-label')).toHaveText('Xi Jinping');
  for (const place of ['China', 'Russia', 'Beijing', 'Moscow']) {
    await expect(places.getByTestId('entity-label').getByText(place, { exact: true })).toHaveCount(1);
  }
});

test('clicking a fact scrolls the article to its sentence; clicking a name walks through its mentions', async ({ context, page, server, serviceWorker, popupUrl }) => {
  await page.setViewportSize({ width: 1000, height: 360 });
  const { popup } = await setup(context, page, serviceWorker, popupUrl, `${server.origin}/article.html`);
  const sentence = 'Trade between China and Russia reached 244.8 billion';
  expect(await phraseInView(page, sentence)).toBe(false);
  await popup.getByTestId('fact').filter({ hasText: '244.8 billion' }).getByTestId('fact-reveal').click();
  // A real popup floats over a visible page; here the popup is a tab of its own, and a hidden
  // tab does not run its smooth-scroll animation, so show the article as the reader would see it.
  await page.bringToFront();
  await expect.poll(() => phraseInView(page, sentence)).toBe(true);

  const moscow = 'state visit to Moscow';
  await page.evaluate(() => scrollTo(0, 0));
  expect(await phraseInView(page, moscow)).toBe(false);
  await popup.getByTestId('entity-group-place').getByTestId('entity').filter({ hasText: 'Moscow' }).click();
  await page.bringToFront();
  await expect.poll(() => phraseInView(page, moscow)).toBe(true);
  await expect(popup.getByTestId('entity-position')).toHaveText('Moscow: mention 1 of 1');
});

test('the article note survives closing and reopening the popup; a pinned fact becomes a note', async ({ context, page, server, serviceWorker, popupUrl }) => {
  const { popup, tabId } = await setup(context, page, serviceWorker, popupUrl, `${server.origin}/article.html`);
  await popup.getByTestId('article-note').fill('Compare with the customs figures.');
  await expect(popup.getByTestId('article-note-status')).toHaveText('Saved');

  const money = popup.getByTestId('fact').filter({ hasText: '244.8 billion' });
  await money.getByTestId('fact-pin').click();
  await expect(money.getByTestId('fact-pin')).toHaveAttribute('aria-pressed', 'true');
  await popup.close();

  const again = await openPopup(context, popupUrl, tabId);
  await expect(again.getByTestId('article-note')).toHaveValue('Compare with the customs figures.');
  const pinned = again.getByTestId('note').filter({ hasText: 'Trade between China and Russia reached 244.8 billion' });
  await expect(pinned).toHaveCount(1);
  await expect(pinned.getByTestId('note-text')).toContainText('Pinned fact: 244.8 billion US dollars');
});

test('notes are edited in place and the Markdown export holds title, URL, every highlight with its note, and the facts', async ({ context, page, server, serviceWorker, popupUrl }) => {
  const url = `${server.origin}/article.html`;
  const { popup, tabId } = await setup(context, page, serviceWorker, popupUrl, url);
  const state = await sendToTab(popup, tabId, 'pageState', undefined);
  const quotes = ['reaffirmed their commitment to strengthening high-level exchanges', 'The leaders also signed over 20 cooperation agreements'];
  for (const [i, exact] of quotes.entries()) {
    await sendToBackground(popup, 'createAnnotation', {
      meta: state.meta,
      selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
      colour: i === 0 ? 'green' : 'blue',
      note: `note number ${i + 1}`,
    });
  }
  await popup.reload();
  const notes = popup.getByTestId('notes').getByTestId('note');
  await expect(notes).toHaveCount(2);

  const second = notes.filter({ hasText: quotes[1]! });
  await second.getByTestId('note-edit').click();
  await second.getByTestId('note-input').fill('Twenty-plus deals: which ones are binding?');
  await second.getByTestId('note-tags').fill('deals, follow-up');
  await second.getByTestId('note-save').click();
  await expect(second.getByTestId('note-text')).toHaveText('Twenty-plus deals: which ones are binding?');

  const markdown = await readDownload(popup, 'export-markdown');
  expect(markdown).toContain('Xi and Putin pledge deeper cooperation at SCO Summit in Beijing');
  expect(markdown).toContain(url);
  expect(markdown).toContain(quotes[0]);
  expect(markdown).toContain('note number 1');
  expect(markdown).toContain(quotes[1]);
  expect(markdown).toContain('Twenty-plus deals: which ones are binding?');
  expect(markdown).toContain('244.8 billion US dollars');
  expect(markdown).toMatch(/15 (consecutive )?years/);

  const json = JSON.parse(await readDownload(popup, 'export-json'));
  expect(json.type).toBe('AnnotationCollection');
  expect(json.first.items).toHaveLength(2);
  const csv = await readDownload(popup, 'export-csv');
  expect(csv).toContain('Twenty-plus deals: which ones are binding?');
});

test('page and note text containing HTML is shown as text in the popup and stays inert in the export', async ({ context, page, server, serviceWorker, popupUrl }) => {
  const hostile = '<img src=x onerror="document.title=\'pwned\'">';
  const escaped = hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  server.set(
    '/xss.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markup ${escaped} in a title</title></head><body><article><h1>Markup ${escaped} in a title</h1>` +
      `<p>The ministry said on Monday that spending rose 12 percent to $3.5 billion, and a reader wrote ${escaped} in a comment that the editors quoted in full.</p>` +
      `<p>Officials in Paris and Berlin said the figures for 2024 would be revised again in March, with 40 agencies reporting.</p></article></body></html>`,
  );
  await page.goto(`${server.origin}/xss.html`);
  const tabId = await tabIdOf(serviceWorker, page);
  const sender = await openPopup(context, popupUrl, tabId);
  const state = await sendToTab(sender, tabId, 'pageState', undefined);
  await sendToBackground(sender, 'createAnnotation', {
    meta: state.meta,
    selectors: [{ type: 'TextQuoteSelector', exact: `a reader wrote ${hostile} in a comment`, prefix: '', suffix: '' }],
    colour: 'pink',
    note: `My note ${hostile}`,
  });
  await sendToBackground(sender, 'setArticleNote', { meta: state.meta, note: `Article note ${hostile}` });
  await sender.close();

  const popup = await openPopup(context, popupUrl, tabId);
  await expect(popup.getByTestId('article-title')).toHaveText(`Markup ${hostile} in a title`);
  await expect(popup.getByTestId('note-quote')).toContainText(hostile);
  await expect(popup.getByTestId('note-text')).toHaveText(`My note ${hostile}`);
  await expect(popup.getByTestId('article-note')).toHaveValue(`Article note ${hostile}`);
  await expect(popup.locator('img')).toHaveCount(0);
  expect(await popup.title()).not.toBe('pwned');

  const markdown = await readDownload(popup, 'export-markdown');
  // Inert: the text is there, but no raw tag a Markdown renderer would turn into an element. (The
  // YAML front matter holds the title as a quoted string, which front-matter-aware viewers never render.)
  const body = markdown.replace(/^---\n[^]*?\n---\n/, '');
  expect(body).toContain('My note &lt;img src=x');
  expect(body).toContain('Article note &lt;img src=x');
  expect(body).not.toMatch(/<img/i);
  const csv = await readDownload(popup, 'export-csv');
  expect(csv).toContain('My note');
  expect(await popup.title()).not.toBe('pwned');
});

test('a page that is not an article hides names but keeps notes; a page without Lede gets an explanation', async ({ context, page, server, serviceWorker, popupUrl }) => {
  server.set('/form.html', '<!doctype html><html><head><title>Sign in</title></head><body><form><label>Name <input></label><button>Go</button></form></body></html>');
  await page.goto(`${server.origin}/form.html`);
  const tabId = await tabIdOf(serviceWorker, page);
  const popup = await openPopup(context, popupUrl, tabId);
  await expect(popup.getByTestId('popup-not-article')).toBeVisible();
  await expect(popup.getByTestId('entities')).toHaveCount(0);
  await expect(popup.getByTestId('notes')).toBeVisible();
  await expect(popup.getByTestId('article-note')).toBeEditable();

  await page.goto('about:blank');
  const blank = await context.newPage();
  await blank.goto(`${popupUrl}?tabId=${tabId}`);
  await expect(blank.getByTestId('popup-unavailable')).toContainText('can’t read this page');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical problem in the popup (${colorScheme})`, async ({ context, page, server, serviceWorker, popupUrl }) => {
    const { popup, tabId } = await setup(context, page, serviceWorker, popupUrl, `${server.origin}/article.html`);
    const state = await sendToTab(popup, tabId, 'pageState', undefined);
    await sendToBackground(popup, 'createAnnotation', {
      meta: state.meta,
      selectors: [{ type: 'TextQuoteSelector', exact: 'a sentence the page does not have', prefix: '', suffix: '' }],
      colour: 'purple',
      note: 'an orphan',
    });
    await popup.emulateMedia({ colorScheme });
    await popup.reload();
    await expect(popup.getByTestId('note-orphan')).toBeVisible();
    await popup.getByTestId('fact-sentence-toggle').first().click();
    const results = await new AxeBuilder({ page: popup }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the popup is keyboard operable: Tab reaches the switch, facts, names, notes and exports in order', async ({ context, page, server, serviceWorker, popupUrl }) => {
  const { popup } = await setup(context, page, serviceWorker, popupUrl, `${server.origin}/article.html`);
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    await popup.keyboard.press('Tab');
    const id = await popup.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.dataset.testid ?? el?.id ?? el?.tagName ?? '';
    });
    if (id && seen.at(-1) !== id) seen.push(id);
  }
  const order = ['site-switch', 'fact-reveal', 'entity', 'article-note', 'export-markdown'].map((id) => seen.indexOf(id));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // Enter on a focused fact reveals it, as a click would.
  await popup.getByTestId('fact-reveal').first().focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('popup-error')).toHaveCount(0);
});

test('the site switch turns Lede off and on for the site; a deleted highlight can be restored', async ({ context, page, server, serviceWorker, popupUrl }) => {
  const { popup, tabId } = await setup(context, page, serviceWorker, popupUrl, `${server.origin}/article.html`);
  const state = await sendToTab(popup, tabId, 'pageState', undefined);
  await sendToBackground(popup, 'createAnnotation', {
    meta: state.meta,
    selectors: [{ type: 'TextQuoteSelector', exact: 'The leaders also signed over 20 cooperation agreements', prefix: '', suffix: '' }],
    colour: 'yellow',
    note: 'keep me',
  });
  await popup.reload();

  const marked = () => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => !k.startsWith('lede-note') && CSS.highlights.get(k)!.size > 0).length);
  expect(await marked()).toBeGreaterThan(0);
  await popup.getByTestId('site-switch').uncheck();
  await expect(popup.getByTestId('popup-off')).toBeVisible();
  await expect(popup.getByTestId('facts')).toHaveCount(0);
  await expect(popup.getByTestId('note')).toHaveCount(1);
  await expect.poll(marked).toBe(0);
  await popup.getByTestId('site-switch').check();
  await expect(popup.getByTestId('facts').getByTestId('fact').first()).toBeVisible();

  await popup.getByTestId('note').getByTestId('note-delete').click();
  await expect(popup.getByTestId('note')).toHaveCount(0);
  await popup.getByTestId('note-undo').click();
  await expect(popup.getByTestId('note').getByTestId('note-text')).toHaveText('keep me');
});

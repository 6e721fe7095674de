import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { markTexts } from './reader';

async function painted(page: Page): Promise<{ entities: number; figures: number; ms: number }> {
  await page.waitForFunction(() => performance.getEntriesByName('lede:painted').length > 0, undefined, { timeout: 15_000 });
  return page.evaluate(() => (performance.getEntriesByName('lede:painted').at(-1) as PerformanceMark).detail);
}

/** Adds a paragraph to the demo article after load, as a late-loading page would. */
async function appendParagraph(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    document.querySelector('article')!.append(p);
  }, text);
}

test('the demo article shows its people, places, organisations and figures marked', async ({ page, server }) => {
  await page.goto(`${server.origin}/article.html`);
  const detail = await painted(page);
  expect(detail.entities).toBeGreaterThan(20);
  const marks = await markTexts(page);
  expect(marks['lede-person']).toEqual(expect.arrayContaining(['Xi Jinping', 'Vladimir Putin', 'Putin', 'Xi']));
  expect(marks['lede-place']).toEqual(expect.arrayContaining(['Beijing', 'China', 'Russia', 'Moscow']));
  expect(marks['lede-org']).toEqual(expect.arrayContaining(['Shanghai Cooperation Organization', 'SCO', 'UN Security Council']));
  expect(marks['lede-money']).toEqual(['244.8 billion U.S. dollars']);
  expect(marks['lede-date']).toEqual(expect.arrayContaining(['2024', '15 consecutive years', 'May']));
  expect(marks['lede-number']).toEqual(expect.arrayContaining(['80th', 'fourth', 'five', 'over 20']));
  // Body detection: nothing from the navigation, sidebar, comments or footer is marked.
  const all = Object.values(marks).flat();
  for (const outside of ['Toyota', 'Angela Merkel', 'Apple', 'Nokia', 'London', 'Vienna']) expect(all).not.toContain(outside);
  // The headline names Putin and Xi but is the article's title, left unmarked (still highlightable),
  // and so is the kicker above it ("World · Diplomacy", which the tagger reads as an organisation).
  const marksIn = (selector: string) =>
    page.evaluate((selector) => {
      const el = document.querySelector(selector)!;
      return [...CSS.highlights].flatMap(([name, hl]) => (name.startsWith('lede-') ? [...hl] : [])).filter((r) => el.contains(r.startContainer)).length;
    }, selector);
  expect(await page.locator('h1').textContent()).toMatch(/Putin|Xi/);
  expect(await marksIn('h1')).toBe(0);
  expect(await marksIn('.kicker')).toBe(0);
});

test('hovering "Putin" shows a card with "Vladimir Putin" and its mention count', async ({ page, server }) => {
  await page.goto(`${server.origin}/article.html`);
  await painted(page);
  // The last paragraph's "President Putin": find its box through a Range in the page.
  const box = await page.evaluate(() => {
    const paragraph = [...document.querySelectorAll('article p')].find((p) => p.textContent!.startsWith('President Putin'))!;
    paragraph.scrollIntoView({ block: 'center' });
    const text = paragraph.firstChild!;
    const range = document.createRange();
    range.setStart(text, 'President '.length);
    range.setEnd(text, 'President Putin'.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  const card = page.getByTestId('hover-card');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('card-name')).toHaveText('Vladimir Putin');
  // Putin is named in the first paragraph and this last one (and in the headline, which is not marked).
  await expect(card.getByTestId('card-count')).toHaveText('Mention 2 of 2 in this article');
  await card.getByTestId('card-previous').click();
  await expect(card.getByTestId('card-count')).toHaveText('Mention 1 of 2 in this article');
});

test('turning a mark type off in settings removes its marks in the open tab', async ({ context, page, server, extensionId }) => {
  await page.goto(`${server.origin}/article.html`);
  await painted(page);
  expect((await markTexts(page))['lede-person']?.length).toBeGreaterThan(0);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('People').uncheck();
  await expect.poll(async () => (await markTexts(page))['lede-person']).toBeUndefined();
  expect((await markTexts(page))['lede-place']?.length).toBeGreaterThan(0);
  await options.getByLabel('People').check();
  await expect.poll(async () => (await markTexts(page))['lede-person']?.length ?? 0).toBeGreaterThan(0);
});

test('marks are styled in the chosen colour scheme, live in the open tab', async ({ context, page, server, extensionId }) => {
  await page.goto(`${server.origin}/article.html`);
  await painted(page);
  // The engine's own resolved ::highlight() style for a person mark, on the element holding one.
  const personStyle = () =>
    page.evaluate(() => {
      const range = [...CSS.highlights.get('lede-person')!][0]!;
      const style = getComputedStyle(range.startContainer.parentElement!, '::highlight(lede-person)');
      return { background: style.backgroundColor, line: style.textDecorationStyle };
    });
  // Default scheme: Okabe-Ito blue tint, solid underline (from the manifest's CSS).
  expect(await personStyle()).toEqual({ background: 'rgba(0, 114, 178, 0.16)', line: 'solid' });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('High contrast').check();
  await expect.poll(personStyle).toEqual({ background: 'rgba(0, 80, 255, 0.28)', line: 'solid' });
  await options.getByLabel('Underlines only').check();
  await expect.poll(async () => (await personStyle()).background).toBe('rgba(0, 0, 0, 0)');
  await options.getByLabel('Colour-blind safe (default)').check();
  await expect.poll(personStyle).toEqual({ background: 'rgba(0, 114, 178, 0.16)', line: 'solid' });
});

test('text appended after load gets marked', async ({ page, server }) => {
  await page.goto(`${server.origin}/article.html`);
  await painted(page);
  await appendParagraph(page, 'Separately, Emmanuel Macron met Olaf Scholz in Berlin to discuss a 12% rise in tariffs.');
  await expect.poll(async () => (await markTexts(page))['lede-place'] ?? [], { timeout: 10_000 }).toContain('Berlin');
  expect((await markTexts(page))['lede-percent']).toContain('12%');
});

test('a plain amount is marked with its currency sign', async ({ page, server }) => {
  await page.goto(`${server.origin}/article.html`);
  await painted(page);
  await appendParagraph(page, 'Sony said on Tuesday that the console would cost $499 in the United States and €549 in Germany.');
  await expect.poll(async () => (await markTexts(page))['lede-money'] ?? [], { timeout: 10_000 }).toEqual(expect.arrayContaining(['$499', '€549']));
});

test('a page that is not an article gets no marks', async ({ page, server }) => {
  server.set(
    '/search.html',
    `<!doctype html><html lang="en"><head><title>Search: Putin</title></head><body>
      <form><input name="q" value="Putin"></form>
      <ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/r${i}">Result ${i}: Putin meets Xi in Beijing</a></li>`).join('')}</ul>
    </body></html>`,
  );
  await page.goto(`${server.origin}/search.html`);
  await page.waitForTimeout(1500);
  expect(await markTexts(page)).toEqual({});
});

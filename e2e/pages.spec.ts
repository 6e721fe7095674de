// Robustness on real pages: every saved corpus page (English and not), served without its own
// scripts so that any DOM change can only be ours, and pages built to be hostile.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { corpusPages, withoutScripts } from '../scripts/corpus.ts';
import { test, expect } from './fixtures';
import { markTexts } from './reader';

/** Records, in the page's main world, every DOM mutation outside Lede's own <lede-ui> host. */
const WATCH_MUTATIONS = () => {
  const foreign: string[] = [];
  (window as unknown as { __foreignMutations: string[] }).__foreignMutations = foreign;
  const ours = (node: Node | null) => {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n as unknown as ShadowRoot).host ?? null) {
      if (n.nodeName === 'LEDE-UI') return true;
    }
    return false;
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (ours(r.target)) continue;
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName === 'LEDE-UI')) continue;
      foreign.push(`${r.type} on <${r.target.nodeName.toLowerCase()}> ${r.attributeName ?? ''}`);
    }
  });
  const start = () =>
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
};

/** Console messages of ours that say something went wrong. */
function collectLedeErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && /lede/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/chrome-extension:|lede/i.test(`${error.stack ?? ''} ${error.message}`)) errors.push(error.message);
  });
  return errors;
}

async function settled(page: Page): Promise<void> {
  // Painted, or judged not an article: either way the content script has answered.
  await page.waitForFunction(() => performance.getEntriesByName('lede:painted').length > 0, undefined, { timeout: 15_000 }).catch(() => undefined);
  await page.mouse.move(300, 300);
  await page.waitForTimeout(300);
}

for (const corpusPage of corpusPages()) {
  test(`corpus page ${corpusPage.name} (${corpusPage.lang}): no error from Lede, the page's DOM untouched`, async ({ page, server }) => {
    server.set(`/corpus/${corpusPage.name}.html`, withoutScripts(readFileSync(corpusPage.sourcePath, 'utf8')));
    await page.addInitScript(WATCH_MUTATIONS);
    await page.route((url) => url.host !== new URL(server.origin).host, (route) => route.abort());
    const errors = collectLedeErrors(page);
    await page.goto(`${server.origin}/corpus/${corpusPage.name}.html`);
    await settled(page);
    const marks = await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('lede-')).length);
    if (corpusPage.english) expect(marks, 'an English news article gets marks').toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __foreignMutations: string[] }).__foreignMutations)).toEqual([]);
  });
}

const ARTICLE = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1}: Chancellor Olaf Scholz told the Bundestag in Berlin on Tuesday that Siemens would invest €3m, about 15 per cent more than in 2023, while Angela Merkel stayed in Hamburg.</p>`,
  ).join('\n');

/** Largest gap between main-world timer ticks from load until `ms` later: how long the page froze. */
async function longestFreeze(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const timer = setInterval(() => {
          const now = performance.now();
          worst = Math.max(worst, now - last);
          last = now;
        }, 10);
        setTimeout(() => {
          clearInterval(timer);
          resolve(worst);
        }, ms);
      }),
    ms,
  );
}

test('a page that overrides Node.prototype.appendChild and Array.prototype.map still gets marks', async ({ page, server }) => {
  server.set(
    '/hostile.html',
    `<!doctype html><html lang="en"><head><title>Hostile page</title><script>
      Node.prototype.appendChild = function () { throw new Error('appendChild is forbidden here'); };
      Array.prototype.map = function () { throw new Error('map is forbidden here'); };
    </script></head><body><article><h1>Scholz in Berlin</h1>${ARTICLE(8)}</article></body></html>`,
  );
  const errors = collectLedeErrors(page);
  await page.goto(`${server.origin}/hostile.html`);
  await settled(page);
  const people = await page.evaluate(() => CSS.highlights.get('lede-person')?.size ?? 0);
  expect(people).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('a long article (sent to the background in several slices) is marked to its end', async ({ page, server }) => {
  // About 70,000 characters: more than one extraction request, less than the cap.
  server.set(
    '/long.html',
    `<!doctype html><html lang="en"><head><title>Long</title></head><body><article><h1>Scholz in Berlin</h1>${ARTICLE(400)}<p>Finally, Emmanuel Macron met the mayor on Friday.</p></article></body></html>`,
  );
  const errors = collectLedeErrors(page);
  await page.goto(`${server.origin}/long.html`);
  await page.waitForFunction(() => performance.getEntriesByName('lede:painted').length > 0, undefined, { timeout: 15_000 });
  const marks = await markTexts(page);
  expect(marks['lede-person']).toContain('Emmanuel Macron');
  // Every one of the 400 paragraphs names Berlin (the headline too, but it is not marked): the
  // first slice's and the later slices' marks are all painted.
  expect((marks['lede-place'] ?? []).filter((p) => p === 'Berlin').length).toBe(400);
  expect(errors).toEqual([]);
});

test('a page with a one-million-word article does not freeze and gets marks or a graceful skip', async ({ page, server }) => {
  // 40,000 paragraphs of 25 words: one million words, about 6.5 MB of HTML.
  server.set('/huge.html', `<!doctype html><html lang="en"><head><title>Huge</title></head><body><article>${ARTICLE(40_000)}</article></body></html>`);
  const errors = collectLedeErrors(page);
  await page.goto(`${server.origin}/huge.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForLoadState('load');
  const freeze = await longestFreeze(page, 4000);
  expect(freeze).toBeLessThan(200);
  expect(errors).toEqual([]);
});

test('an article inside an open shadow root gets marks', async ({ page, server }) => {
  server.set(
    '/shadow.html',
    `<!doctype html><html lang="en"><head><title>Shadow article</title></head><body>
      <news-article><template shadowrootmode="open"><article><h1>Scholz in Berlin</h1>${ARTICLE(8)}</article></template></news-article>
    </body></html>`,
  );
  const errors = collectLedeErrors(page);
  await page.goto(`${server.origin}/shadow.html`);
  await settled(page);
  expect((await markTexts(page))['lede-place']).toContain('Berlin');
  expect(errors).toEqual([]);
});

test('an article inside a same-origin iframe gets marks in its frame', async ({ page, server }) => {
  server.set(
    '/inner.html',
    `<!doctype html><html lang="en"><head><title>Inner article</title></head><body><article><h1>Scholz in Berlin</h1>${ARTICLE(8)}</article></body></html>`,
  );
  server.set('/outer.html', `<!doctype html><html lang="en"><head><title>Outer</title></head><body><nav>Home</nav><iframe src="/inner.html" width="800" height="600"></iframe></body></html>`);
  const errors = collectLedeErrors(page);
  await page.goto(`${server.origin}/outer.html`);
  const frame = page.frame({ url: /inner\.html$/ })!;
  await frame.waitForFunction(() => performance.getEntriesByName('lede:painted').length > 0, undefined, { timeout: 15_000 });
  expect(await frame.evaluate(() => CSS.highlights.get('lede-person')?.size ?? 0)).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

import { test, expect } from './fixtures';

test('the extension loads, its content script runs and the popup reads the page', async ({ context, page, server, popupUrl }) => {
  await page.goto(`${server.origin}/plain.html`);
  await page.bringToFront();
  const worker = context.serviceWorkers()[0]!;
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const popup = await context.newPage();
  await popup.goto(`${popupUrl}?tabId=${tabId}`);
  await expect(popup.getByTestId('article-title')).toHaveText('A plain local page');
});

test('the background answers a typed message', async ({ context, popupUrl }) => {
  const extensionPage = await context.newPage();
  await extensionPage.goto(popupUrl);
  const answer = await extensionPage.evaluate(
    () =>
      new Promise((resolve) =>
        chrome.runtime.sendMessage({ id: 1, type: 'ping', data: undefined, timestamp: Date.now() }, resolve),
      ),
  );
  expect(answer).toMatchObject({ res: { version: '0.1.0' } });
});

test('the popup explains when there is no page it can read', async ({ context, popupUrl }) => {
  const popup = await context.newPage();
  await popup.goto(`${popupUrl}?tabId=999999`);
  await expect(popup.getByTestId('popup-unavailable')).toBeVisible();
});

/** Sends a typed background message from an extension page, as the popup does. */
async function ask(page: import('@playwright/test').Page, type: string, data: unknown): Promise<{ res?: unknown; err?: unknown }> {
  return page.evaluate(
    ({ type, data }) =>
      new Promise((resolve) => chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }, resolve)),
    { type, data },
  ) as Promise<{ res?: unknown; err?: unknown }>;
}

test('the background reads no article text sent from a site the reader switched off', async ({ context, popupUrl, extensionId }) => {
  // A content script can send its article before its copy of the settings has loaded (that race
  // cannot be forced from a test), so the background checks the sender's site itself. The sender
  // here is an extension page, whose "site" is the extension's host.
  const page = await context.newPage();
  await page.goto(popupUrl);
  const text = 'Chancellor Olaf Scholz said in Berlin on Tuesday that Siemens would invest $1.2bn.';
  type Answer = { res?: { extraction: { entities: unknown[]; figures: unknown[] }; skipped?: string } };
  const on = (await ask(page, 'extract', { text })) as Answer;
  expect(on.res?.skipped).toBeUndefined();
  expect(on.res?.extraction.entities.length).toBeGreaterThan(0);
  await page.evaluate((site) => chrome.storage.local.set({ 'lede:settings': { disabledSites: [site] } }), extensionId);
  const off = (await ask(page, 'extract', { text })) as Answer;
  expect(off.res?.skipped).toBe('site off');
  expect(off.res?.extraction).toEqual({ sentences: [], entities: [], figures: [], facts: [] });
  await page.evaluate(() => chrome.storage.local.set({ 'lede:settings': { disabledSites: [] } }));
  await expect.poll(async () => ((await ask(page, 'extract', { text })) as Answer).res?.skipped ?? 'read').toBe('read');
});

test('a record written through the background survives a reload and a browser restart', async ({ context, popupUrl, relaunch }) => {
  const meta = { url: 'https://news.example/2025/09/summit?utm_source=x', title: 'Summit', site: 'News Example' };
  const page = await context.newPage();
  await page.goto(popupUrl);
  const saved = await ask(page, 'setArticleNote', { meta, note: 'Follow up with the trade ministry' });
  expect(saved.err).toBeUndefined();

  await page.reload();
  const afterReload = await ask(page, 'lookupArticle', { ...meta, url: 'https://news.example/2025/09/summit' });
  expect(afterReload.res).toMatchObject({ article: { note: 'Follow up with the trade ministry', title: 'Summit' } });

  const restarted = await relaunch();
  const extensionId = new URL(restarted.serviceWorker.url()).host;
  await restarted.page.goto(`chrome-extension://${extensionId}/popup.html`);
  const afterRestart = await ask(restarted.page, 'lookupArticle', meta);
  expect(afterRestart.res).toMatchObject({ article: { note: 'Follow up with the trade ministry' } });
});

test('the extension makes no network request other than to the local server while a page is open', async ({ context, page, server, serviceWorker }) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await page.goto(`${server.origin}/article.html`);
  await page.waitForFunction(() => performance.getEntriesByName('lede:painted').length > 0, undefined, { timeout: 15_000 });
  await page.mouse.move(200, 300);
  // The log sees the service worker's own requests too: a probe from it must show up.
  await serviceWorker.evaluate((origin) => fetch(`${origin}/plain.html?probe`).then(() => undefined), server.origin);
  await expect.poll(() => requests.some((url) => url.endsWith('/plain.html?probe'))).toBe(true);
  await page.waitForTimeout(1000);
  const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('chrome-extension://'));
  expect(foreign).toEqual([]);
  expect(requests.some((url) => url.startsWith(`${server.origin}/article.html`))).toBe(true);
});

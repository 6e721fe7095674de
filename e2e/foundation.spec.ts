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

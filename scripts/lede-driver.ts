// Drives a running Lede from Node, for end-to-end tests and benchmarks: finds a page's tab id,
// and sends the typed messages (see ext/messages.ts) from inside an extension page, exactly as
// the popup does, in @webext-core/messaging's wire format.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { BackgroundProtocol, TabProtocol } from '../ext/messages.ts';

type Data<P, K extends keyof P> = P[K] extends (...args: infer A) => unknown ? (A extends [infer D] ? D : undefined) : never;
type Result<P, K extends keyof P> = P[K] extends (...args: never[]) => infer R ? Awaited<R> : never;

interface Wire<T> {
  res?: T;
  err?: { message: string };
}

/** The tab id of `page`: brings it to the front and asks the service worker for the active tab. */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

/** An extension page to send messages from (any page of the extension will do). */
export async function extensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?tabId=0`);
  return page;
}

export async function sendToBackground<K extends keyof BackgroundProtocol>(
  from: Page,
  type: K,
  data: Data<BackgroundProtocol, K>,
): Promise<Result<BackgroundProtocol, K>> {
  const answer = (await from.evaluate(
    ({ type, data }) =>
      new Promise((resolve) => chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }, resolve)),
    { type, data: data as unknown },
  )) as Wire<Result<BackgroundProtocol, K>>;
  if (!answer || answer.err) throw new Error(`${String(type)} failed: ${answer?.err?.message ?? 'no answer'}`);
  return answer.res as Result<BackgroundProtocol, K>;
}

export async function sendToTab<K extends keyof TabProtocol>(
  from: Page,
  tabId: number,
  type: K,
  data: Data<TabProtocol, K>,
): Promise<Result<TabProtocol, K>> {
  const answer = (await from.evaluate(
    ({ tabId, type, data }) =>
      new Promise((resolve) =>
        chrome.tabs.sendMessage(tabId, { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }, { frameId: 0 }, resolve),
      ),
    { tabId, type, data: data as unknown },
  )) as Wire<Result<TabProtocol, K>>;
  if (!answer || answer.err) throw new Error(`${String(type)} failed: ${answer?.err?.message ?? 'no answer'}`);
  return answer.res as Result<TabProtocol, K>;
}

/** Waits until Lede has read and painted the page (or decided it is not an article). */
export async function waitForLede(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('lede:painted').length > 0, undefined, { timeout });
}

/** Waits until the content script has finished reading the page, whatever it found. */
export async function waitForPageState(from: Page, tabId: number, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const state = await sendToTab(from, tabId, 'pageState', undefined).catch(() => null);
    if (state && state.status !== 'loading') return;
    if (Date.now() > until) throw new Error('the page stayed in the loading state');
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

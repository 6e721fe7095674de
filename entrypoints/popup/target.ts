// The tab the popup describes: `?tabId=` (tests, benchmarks, the library page) or else the active tab.
import { browser } from 'wxt/browser';

export async function targetTabId(search: string = location.search): Promise<number | undefined> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

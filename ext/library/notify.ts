// After the library page writes (bulk delete, undo, import), the tabs showing those
// articles repaint their highlights. The page talks to the tabs itself: querying tabs
// needs no permission, and the background's handlers stay as they are.
import { browser } from 'wxt/browser';
import { tab } from '../messages';

/** Tabs without a content script (or closed meanwhile) are skipped silently. */
export async function notifyTabs(articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap((t) =>
      t.id === undefined ? [] : articleIds.map((articleId) => tab.sendMessage('articleChanged', { articleId }, t.id!).catch(() => undefined)),
    ),
  );
}

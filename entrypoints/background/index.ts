import { browser } from 'wxt/browser';
import { tab } from '../../ext/messages';
import { LedeDB } from '../../store/db';
import { LedeRepo } from '../../store/repo';
import { registerHandlers } from './handlers';
import { SiteSwitch } from '../../ext/background/site-switch';
import { warmUpExtractor } from '../../ext/background/warm-up';

export default defineBackground(() => {
  const repo = new LedeRepo(new LedeDB());
  registerHandlers(repo, new SiteSwitch());
  // Decode the extractor's model and warm its code now, not when the first article is waiting for it.
  warmUpExtractor(24);

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'lede-highlight', title: 'Highlight with Lede', contexts: ['selection'] });
    // The library page, from the toolbar icon's context menu (MV2 Firefox calls the icon browser_action).
    browser.contextMenus.create({ id: 'lede-library', title: 'Open Lede library', contexts: [import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === 'lede-library') void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
  });
  browser.contextMenus.onClicked.addListener((info, clicked) => {
    if (info.menuItemId === 'lede-highlight' && clicked?.id !== undefined) {
      void tab.sendMessage('highlightSelection', {}, { tabId: clicked.id, frameId: info.frameId ?? 0 }).catch(() => undefined);
    }
  });
  browser.commands.onCommand.addListener(async (command) => {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id === undefined) return;
    if (command === 'highlight-selection') void tab.sendMessage('highlightSelection', {}, active.id).catch(() => undefined);
    if (command === 'cycle-marks') void tab.sendMessage('cycleMarks', undefined, active.id).catch(() => undefined);
  });
});

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { tab, type PageState } from '../../ext/messages';

type View = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'page'; state: PageState };

/** The tab the popup describes: `?tabId=` (tests, the library page) or the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

export function Popup() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setView({ kind: 'unavailable' });
      try {
        setView({ kind: 'page', state: await tab.sendMessage('pageState', undefined, tabId) });
      } catch {
        setView({ kind: 'unavailable' });
      }
    })();
  }, []);
  if (view.kind === 'loading') return <p data-testid="popup-loading">Reading this page…</p>;
  if (view.kind === 'unavailable')
    return (
      <p data-testid="popup-unavailable">
        Lede can’t read this page. It works on news articles served over http or https, not on browser pages, the
        PDF viewer or extension stores.
      </p>
    );
  return (
    <main data-testid="popup">
      <h1 data-testid="article-title">{view.state.title}</h1>
    </main>
  );
}

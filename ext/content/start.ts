// Starts Lede in a page and keeps it current: settings applied live, text added later marked,
// single-page-app navigations re-run, the popup answered. Every listener is removed through
// the AbortSignal.
import { loadSettings, watchSettings } from '../settings';
import { background, tab, type PageState } from '../messages';
import type { Settings } from '../../lib/marks/settings';
import { isSiteDisabled } from '../../lib/marks/settings';
import { LedeSession } from './session';
import { Annotations } from './annotations';
import { watchHover } from './hover';
import { watchReader } from './reader';
import { Toolbar } from './toolbar';
import type { PageWindow } from './painter';

/** Quiet time after the last page mutation before we re-read the article. */
const MUTATION_DEBOUNCE_MS = 300;

export async function startLede(win: PageWindow, signal: AbortSignal, startedAt: number): Promise<void> {
  const inFrame = win !== win.top;
  // A frame that is not an HTML document (an error page, a text or JSON resource) holds no
  // article; pages can have dozens of such frames, and they share the page's main thread.
  if (inFrame && !/^(text\/html|application\/xhtml\+xml)$/.test(win.document.contentType)) return;
  // The first run reads the page while the settings load: it needs them only before it sends
  // the article to the background. Null until loaded.
  const loading = loadSettings();
  let settings: Settings | null = null;
  void loading.then((loaded) => (settings ??= loaded)).catch(() => undefined);
  // Wake the background (and its model) while we read the page, if the browser put it to sleep.
  if (!inFrame) void background.sendMessage('ping', undefined).catch(() => undefined);
  let session: LedeSession | null = null;
  let annotations: Annotations | null = null;
  let runController: AbortController | null = null;
  let running: Promise<void> = Promise.resolve();

  const run = () => {
    runController?.abort();
    const controller = new AbortController();
    runController = controller;
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    const current = new LedeSession(win, controller.signal, settings ?? loading, startedAt);
    session = current;
    annotations = new Annotations(current);
    running = current
      .run()
      .then(() => {
        if (controller.signal.aborted) return;
        observeArticle(current, controller.signal, () => rerun());
        // A frame inside the page that holds no article (an ad, a widget, an embed) gets nothing
        // more: the reader's tools are for the page itself and for articles in frames.
        if (current.status === 'not-article' && inFrame) return;
        watchHover(current, controller.signal);
        if (annotations) watchReader(current, annotations, new Toolbar(current, annotations), controller.signal);
        return annotations?.load();
      })
      .catch((error: unknown) => {
        // A page that throws at us must keep working: report, never rethrow into the page.
        console.warn('Lede could not read this page:', error);
      });
  };
  // Re-reads after text changes; the painted-from time is then the change, not the page load.
  const rerun = () => {
    startedAt = win.performance.now();
    run();
  };
  // The article first: its first slice runs now, the listeners below are set up when it waits.
  run();

  watchSettings((next: Settings) => {
    const wasOff = settings !== null && isSiteDisabled(settings, win.location.href);
    settings = next;
    const isOff = isSiteDisabled(next, win.location.href);
    if (wasOff !== isOff) return isOff ? (runController?.abort(), (session = null)) : rerun();
    session?.applySettings(next);
  }, signal);

  tab.onMessage('pageState', async (): Promise<PageState> => {
    await running;
    return pageState(win, session, annotations, settings);
  });
  tab.onMessage('reveal', ({ data }) => session?.reveal(data.start, data.end) ?? false);
  tab.onMessage('cycleMarks', () => session?.cycleMarks());
  tab.onMessage('articleText', async () => {
    await running;
    return session?.index?.text ?? '';
  });
  tab.onMessage('articleChanged', ({ data }) => annotations?.changed(data.articleId));
  tab.onMessage('highlightSelection', async ({ data }) => (await annotations?.highlightSelection(data.colour)) ?? false);
  // Popup (issue 6): "Pin" on a key fact keeps its sentence as a highlight of the article.
  tab.onMessage('pinFact', async ({ data }) => {
    await running;
    if (!annotations) throw new Error('Lede is not running on this page');
    return annotations.create({ start: data.start, end: data.end }, 'yellow', data.note);
  });
  signal.addEventListener('abort', () => {
    tab.removeAllListeners();
  });

  watchNavigation(win, signal, rerun);
}

function pageState(win: PageWindow, session: LedeSession | null, annotations: Annotations | null, settings: Settings | null): PageState {
  const meta = annotations?.meta() ?? { url: win.location.href, title: win.document.title, site: win.location.hostname };
  const off = settings !== null && isSiteDisabled(settings, win.location.href);
  return {
    status: off ? 'off' : session?.status ?? 'loading',
    url: win.location.href,
    meta,
    language: win.document.documentElement.lang || undefined,
    facts: session && !off ? session.facts() : [],
    entities: session && !off ? session.entities() : [],
    figures: session && !off ? session.figures().length : 0,
    annotations: annotations?.anchored() ?? [],
    article: annotations?.article ?? null,
    timings: session ? { paintedMs: session.paintedMs } : undefined,
  };
}

/** Re-reads the article when its text changes (late paragraphs, infinite scroll), debounced. */
function observeArticle(session: LedeSession, signal: AbortSignal, onChange: () => void): void {
  const target = session.body?.root ?? session.doc.body;
  if (!target) return;
  let timer = 0;
  const observer = new session.win.MutationObserver((records) => {
    const relevant = records.some((record) => {
      const node = record.target;
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      return !(element && session.ui.contains(element));
    });
    if (!relevant) return;
    session.win.clearTimeout(timer);
    timer = session.win.setTimeout(onChange, MUTATION_DEBOUNCE_MS);
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    session.win.clearTimeout(timer);
  });
}

/** Single-page apps change the URL without a load: re-run when the address changes. */
function watchNavigation(win: PageWindow, signal: AbortSignal, onNavigate: () => void): void {
  let last = win.location.href.split('#')[0];
  const check = () => {
    const now = win.location.href.split('#')[0];
    if (now === last) return;
    last = now;
    // Give the app a moment to render the new article.
    win.setTimeout(onNavigate, 400);
  };
  win.addEventListener('popstate', check, { signal });
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', check, { signal });
  else {
    const timer = win.setInterval(check, 1000);
    signal.addEventListener('abort', () => win.clearInterval(timer));
  }
}

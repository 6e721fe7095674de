// Everything the popup asks of the page's content script and of the background, for one tab.
// Writes always go through the background, which stores them and tells the tabs; the popup then
// asks the content script to re-anchor before it reads the page state again.
import { background, tab, type PageMeta, type PageState } from '../../ext/messages';
import type { Annotation, Article } from '../../lib/model/types';
import type { NotePatch } from '../../components/NoteCard';

/** How long the popup waits for a page that is still being read before it shows what it has. */
const LOADING_WAIT_MS = 4000;
const LOADING_POLL_MS = 120;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export class PageClient {
  /** The top frame only: same-origin iframes run Lede too, but the popup describes the page itself. */
  private readonly target: { tabId: number; frameId: number };

  constructor(readonly tabId: number) {
    this.target = { tabId, frameId: 0 };
  }

  /** The page state; while the content script is still reading the page, asks again for a while. */
  async state(): Promise<PageState> {
    const until = Date.now() + LOADING_WAIT_MS;
    for (;;) {
      const state = await tab.sendMessage('pageState', undefined, this.target);
      if (state.status !== 'loading' || Date.now() > until) return state;
      await sleep(LOADING_POLL_MS);
    }
  }

  /** Has the content script reload and re-anchor the article's highlights, then reads the state. */
  async reanchored(articleId: string | undefined): Promise<PageState> {
    if (articleId) await tab.sendMessage('articleChanged', { articleId }, this.target);
    return this.state();
  }

  reveal(span: { start: number; end: number }): Promise<boolean> {
    return tab.sendMessage('reveal', span, this.target);
  }

  pinFact(span: { start: number; end: number }, note: string): Promise<Annotation> {
    return tab.sendMessage('pinFact', { ...span, note }, this.target);
  }

  setArticleNote(meta: PageMeta, note: string): Promise<Article> {
    return background.sendMessage('setArticleNote', { meta, note });
  }

  setArticleTags(meta: PageMeta, tags: string[]): Promise<Article> {
    return background.sendMessage('setArticleTags', { meta, tags });
  }

  updateAnnotation(id: string, patch: NotePatch): Promise<Annotation> {
    return background.sendMessage('updateAnnotation', { id, patch });
  }

  deleteAnnotation(id: string): Promise<Annotation> {
    return background.sendMessage('deleteAnnotation', { id });
  }

  restoreAnnotation(id: string): Promise<Annotation> {
    return background.sendMessage('restoreAnnotation', { id });
  }
}

// The background's answers to typed messages: the store's operations, plus a broadcast to every
// tab after a write so that all tabs showing the article update without a reload.
import { browser } from 'wxt/browser';
import { extract } from '../../lib/extract';
import { articleIdentity, normaliseUrl } from '../../lib/model/url';
import { background, tab, type ExtractAnswer, type PageMeta } from '../../ext/messages';
import type { SiteSwitch } from '../../ext/background/site-switch';
import type { LedeRepo } from '../../store/repo';

async function findArticle(repo: LedeRepo, meta: PageMeta) {
  return (await repo.getArticleByUrl(articleIdentity(meta).url)) ?? (await repo.getArticleByUrl(normaliseUrl(meta.url)));
}

/** Tells every tab's content script that an article changed; tabs without one just don't answer. */
async function broadcast(articleId: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((t) => (t.id === undefined ? undefined : tab.sendMessage('articleChanged', { articleId }, t.id).catch(() => undefined))),
  );
}

function extractAnswer(text: string): ExtractAnswer {
  const started = performance.now();
  const extraction = extract(text);
  const ended = performance.now();
  return { extraction, ms: ended - started, receivedAt: performance.timeOrigin + started, answeredAt: performance.timeOrigin + ended };
}

function skippedAnswer(): ExtractAnswer {
  const now = performance.timeOrigin + performance.now();
  return { extraction: { sentences: [], entities: [], figures: [], facts: [] }, ms: 0, receivedAt: now, answeredAt: now, skipped: 'site off' };
}

export function registerHandlers(repo: LedeRepo, sites: SiteSwitch): void {
  background.onMessage('ping', () => ({ version: browser.runtime.getManifest().version, now: Date.now() }));

  background.onMessage('extract', ({ data, sender }) => {
    // The sending frame's address; a site switched off gets nothing read.
    const off = sites.isOff(sender.url ?? sender.tab?.url);
    if (off === false) return extractAnswer(data.text);
    return Promise.resolve(off).then((isOff) => (isOff ? skippedAnswer() : extractAnswer(data.text)));
  });

  background.onMessage('lookupArticle', async ({ data: meta }) => {
    const article = (await findArticle(repo, meta)) ?? null;
    return { article, annotations: article ? await repo.listAnnotations(article.id) : [] };
  });

  background.onMessage('saveArticle', async ({ data: meta }) => repo.upsertArticle(meta));

  background.onMessage('setArticleNote', async ({ data }) => {
    const article = await repo.upsertArticle(data.meta);
    const saved = await repo.setArticleNote(article.id, data.note);
    void broadcast(saved.id);
    return saved;
  });

  background.onMessage('setArticleTags', async ({ data }) => {
    const article = await repo.upsertArticle(data.meta);
    const saved = await repo.setArticleTags(article.id, data.tags);
    void broadcast(saved.id);
    return saved;
  });

  background.onMessage('createAnnotation', async ({ data }) => {
    const article = await repo.upsertArticle(data.meta);
    const created = await repo.createAnnotation({
      articleId: article.id,
      selectors: data.selectors,
      colour: data.colour,
      note: data.note,
      tags: data.tags,
    });
    void broadcast(article.id);
    return created;
  });

  background.onMessage('updateAnnotation', async ({ data }) => {
    const updated = await repo.updateAnnotation(data.id, data.patch);
    void broadcast(updated.articleId);
    return updated;
  });

  background.onMessage('deleteAnnotation', async ({ data }) => {
    const deleted = await repo.deleteAnnotation(data.id);
    void broadcast(deleted.articleId);
    return deleted;
  });

  background.onMessage('restoreAnnotation', async ({ data }) => {
    const restored = await repo.restoreAnnotation(data.id);
    void broadcast(restored.articleId);
    return restored;
  });

  background.onMessage('listAnnotations', async ({ data }) => repo.listAnnotations(data.articleId));

  background.onMessage('getAnnotation', async ({ data }) => {
    const found = await repo.db.annotations.get(data.id);
    return found && found.deleted === undefined ? found : null;
  });
}

// The popup: the article's cheat sheet (facts, names) and the reader's notebook for it.
// This file holds the state and the wiring; the pieces it shows live in components/.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { ArticleHeader } from '../../components/ArticleHeader';
import { ArticleNote } from '../../components/ArticleNote';
import { EntityPanel } from '../../components/EntityPanel';
import { ExportActions, type ExportKind } from '../../components/ExportActions';
import { FactCard } from '../../components/FactCard';
import { NoteCard, type NoteItem } from '../../components/NoteCard';
import { TagsField } from '../../components/TagsField';
import type { PageFact, PageState } from '../../ext/messages';
import { loadSettings, saveSettings } from '../../ext/settings';
import { isSiteDisabled, siteKey, withSite, type Settings } from '../../lib/marks/settings';
import type { Annotation } from '../../lib/model/types';
import { downloadBlob } from '../../ext/download';
import { copyText } from './files';
import { PageClient } from './page-client';
import { targetTabId } from './target';

const SITE_SWITCH_WAIT_MS = 5000;
const SITE_SWITCH_POLL_MS = 150;

type View =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'page'; client: PageClient; state: PageState; settings: Settings };

export function Popup({ onFirstRender }: { onFirstRender?: (highlights: number) => void }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setView({ kind: 'unavailable' });
      const client = new PageClient(tabId);
      try {
        const [state, settings] = await Promise.all([client.state(), loadSettings()]);
        // Splits the benchmark's figure into waiting for the page and rendering.
        performance.mark('lede:popup-data');
        setView({ kind: 'page', client, state, settings });
      } catch {
        // No content script answers on browser pages, the PDF viewer, extension stores, or a closed tab.
        setView({ kind: 'unavailable' });
      }
    })();
  }, []);

  if (view.kind === 'loading')
    return (
      <p class="status-message" data-testid="popup-loading" role="status">
        Reading this page…
      </p>
    );
  if (view.kind === 'unavailable')
    return (
      <div class="status-message" data-testid="popup-unavailable" role="status">
        <p>
          <strong>Lede can’t read this page.</strong>
        </p>
        <p>
          It works on web pages served over http or https. Browser pages, the PDF viewer and extension stores don’t let
          extensions in. If this is a web page that was open before Lede was installed, reload it.
        </p>
      </div>
    );
  return <PageView client={view.client} initial={view.state} initialSettings={view.settings} onFirstRender={onFirstRender} />;
}

interface PageViewProps {
  client: PageClient;
  initial: PageState;
  initialSettings: Settings;
  onFirstRender?: (highlights: number) => void;
}

function PageView({ client, initial, initialSettings, onFirstRender }: PageViewProps) {
  const [state, setState] = useState(initial);
  const [settings, setSettings] = useState(initialSettings);
  const [deleted, setDeleted] = useState<Annotation | null>(null);
  const [problem, setProblem] = useState('');

  // Layout effect: runs right after the first commit of the article view, which is what we time.
  useLayoutEffect(() => onFirstRender?.(initial.annotations.length), []);

  const siteOn = !isSiteDisabled(settings, state.url);
  const articleId = state.article?.id;

  /** Runs a write; on failure says so instead of failing silently. */
  const attempt = async <T,>(what: string, action: () => Promise<T>): Promise<T | undefined> => {
    try {
      setProblem('');
      return await action();
    } catch (error) {
      setProblem(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };

  const reload = async (id = articleId) => setState(await client.reanchored(id));

  const replaceAnnotation = (annotation: Annotation) =>
    setState((s) => ({
      ...s,
      annotations: s.annotations.map((item) => (item.annotation.id === annotation.id ? { ...item, annotation } : item)),
    }));

  // Two facts can share a sentence: the pin's note tells which of them was pinned.
  const pinnedBy = (fact: PageFact) =>
    state.annotations.find(
      (item) => item.status === 'anchored' && item.start === fact.start && item.end === fact.end && item.annotation.note.startsWith(pinPrefix(fact)),
    );

  const pin = (fact: PageFact) =>
    attempt('pin this fact', async () => {
      const saved = await client.pinFact({ start: fact.start, end: fact.end }, pinNote(fact));
      await reload(saved.articleId);
    });

  const remove = (annotation: Annotation) =>
    attempt('delete this highlight', async () => {
      await client.deleteAnnotation(annotation.id);
      setState((s) => ({ ...s, annotations: s.annotations.filter((item) => item.annotation.id !== annotation.id) }));
      setDeleted(annotation);
    });

  const undoDelete = (annotation: Annotation) =>
    attempt('restore this highlight', async () => {
      await client.restoreAnnotation(annotation.id);
      setDeleted(null);
      await reload(annotation.articleId);
    });

  const setSite = async (enabled: boolean) => {
    const next = withSite(settings, state.url, enabled);
    setSettings(next);
    await attempt('change the setting', () => saveSettings(next));
    // The page re-reads (or clears) itself when the setting reaches it; show it once it has.
    for (let waited = 0; waited < SITE_SWITCH_WAIT_MS; waited += SITE_SWITCH_POLL_MS) {
      await new Promise((ok) => setTimeout(ok, SITE_SWITCH_POLL_MS));
      const now = await client.state().catch(() => null);
      if (!now) return;
      if ((now.status === 'off') === !enabled) return setState(now);
    }
  };

  const exportAs = async (kind: ExportKind): Promise<string> => {
    // Loaded on demand: exports are rare, and the popup should open fast.
    const { buildExport } = await import('../../lib/popup/article-export');
    const file = buildExport(kind === 'markdown-copy' ? 'markdown' : kind, state, new Date());
    // Markdown, JSON-LD and CSV are text.
    const text = String(file.content);
    if (kind === 'markdown-copy') return (await copyText(text)) ? 'Markdown copied to the clipboard.' : 'The clipboard is not available here.';
    downloadBlob(document, file.filename, new Blob([text], { type: file.mime }));
    if (kind === 'markdown') {
      const copied = await copyText(text);
      return copied ? `Saved ${file.filename} and copied it to the clipboard.` : `Saved ${file.filename}.`;
    }
    return `Saved ${file.filename}.`;
  };

  const isArticle = state.status === 'article';
  const notes = state.annotations;

  return (
    <main class="popup" data-testid="popup" data-status={state.status}>
      <ArticleHeader meta={state.meta} siteKey={siteKey(state.url)} siteEnabled={siteOn} onSiteEnabled={(on) => void setSite(on)} />
      {problem && (
        <p class="error" role="alert" data-testid="popup-error">
          {problem}
        </p>
      )}
      {state.status === 'off' && (
        <p class="notice" data-testid="popup-off">
          Lede is off for this site: no marks or facts. Your notes stay below.
        </p>
      )}
      {state.status === 'not-article' && (
        <p class="notice" data-testid="popup-not-article">
          This page doesn’t look like an article, so Lede marks nothing here. You can still highlight text and take notes.
        </p>
      )}
      {state.status === 'too-long' && (
        <p class="notice" data-testid="popup-too-long">
          This page is too long for Lede to mark without slowing it down. You can still highlight text and take notes.
        </p>
      )}
      {state.status === 'loading' && (
        <p class="notice" role="status" data-testid="popup-still-loading">
          Still reading this page…
        </p>
      )}

      {isArticle && (
        <section class="section" aria-labelledby="facts-title" data-testid="facts">
          <h2 id="facts-title">Key facts</h2>
          {state.facts.length === 0 ? (
            <p class="empty">No key figures found in this article.</p>
          ) : (
            <ol class="facts">
              {state.facts.map((fact) => {
                const pinned = pinnedBy(fact);
                return (
                  <FactCard
                    key={`${fact.start}:${fact.figureStart}`}
                    fact={fact}
                    pinned={Boolean(pinned)}
                    onReveal={() => void attempt('show this fact', () => client.reveal({ start: fact.start, end: fact.end }))}
                    onPin={() => void pin(fact)}
                    onUnpin={() => pinned && void remove(pinned.annotation)}
                  />
                );
              })}
            </ol>
          )}
        </section>
      )}

      {isArticle && (
        <section class="section" aria-labelledby="entities-title" data-testid="entities">
          <h2 id="entities-title">Names</h2>
          <EntityPanel entities={state.entities} onReveal={(span) => void attempt('show this name', () => client.reveal(span))} />
        </section>
      )}

      <section class="section" aria-labelledby="notes-title" data-testid="notes">
        <h2 id="notes-title">
          My notes {notes.length > 0 && <span class="count">{notes.length}</span>}
        </h2>
        {deleted && (
          <p class="notice" role="status" data-testid="note-deleted">
            Highlight deleted.{' '}
            <button type="button" class="link" data-testid="note-undo" onClick={() => void undoDelete(deleted)}>
              Undo
            </button>
          </p>
        )}
        {notes.length === 0 ? (
          <p class="empty">Select text on the page and choose “Highlight with Lede” (Alt+Shift+H) to keep a passage here.</p>
        ) : (
          <NotesList
            items={notes}
            onReveal={(item) => item.start !== undefined && void attempt('show this highlight', () => client.reveal({ start: item.start!, end: item.end! }))}
            onSave={async (item, patch) => {
              const saved = await client.updateAnnotation(item.annotation.id, patch);
              replaceAnnotation(saved);
            }}
            onDelete={(item) => void remove(item.annotation)}
            onFindAgain={async (item) => {
              const next = await client.reanchored(item.annotation.articleId);
              setState(next);
              return next.annotations.find((a) => a.annotation.id === item.annotation.id)?.status === 'anchored';
            }}
          />
        )}
        <ArticleNote
          key={state.url}
          note={state.article?.note ?? ''}
          save={async (note) => {
            const article = await client.setArticleNote(state.meta, note);
            setState((s) => ({ ...s, article }));
          }}
        />
        <TagsField
          id="article-tags"
          label="Article tags"
          tags={state.article?.tags ?? []}
          testId="article-tags"
          onSave={(tags) =>
            void attempt('save the tags', async () => {
              const article = await client.setArticleTags(state.meta, tags);
              setState((s) => ({ ...s, article }));
            })
          }
        />
      </section>

      <section class="section" aria-labelledby="export-title" data-testid="export">
        <h2 id="export-title">Export this article</h2>
        <ExportActions onExport={exportAs} />
      </section>
      <p class="section">
        <a href="/library.html" target="_blank" rel="noopener" data-testid="open-library">
          All your annotated articles: open the Lede library
        </a>
      </p>
    </main>
  );
}

interface NotesListProps {
  items: NoteItem[];
  onReveal: (item: NoteItem) => void;
  onSave: (item: NoteItem, patch: Parameters<Parameters<typeof NoteCard>[0]['onSave']>[0]) => Promise<void>;
  onDelete: (item: NoteItem) => void;
  onFindAgain: (item: NoteItem) => Promise<boolean>;
}

/**
 * Notes rendered in the first frame. The popup shows a handful at most before the reader scrolls;
 * the rest follow a frame later, so an article with hundreds of highlights opens as fast as one with few.
 */
const FIRST_VIEW_NOTES = 10;

function NotesList({ items, onReveal, onSave, onDelete, onFindAgain }: NotesListProps) {
  // Orphans first: they need the reader's attention; the rest in the article's order.
  const ordered = useMemo(
    () =>
      [...items].sort((a, b) =>
        a.status !== b.status ? (a.status === 'orphan' ? -1 : 1) : (a.start ?? 0) - (b.start ?? 0),
      ),
    [items],
  );
  const [all, setAll] = useState(ordered.length <= FIRST_VIEW_NOTES);
  useEffect(() => {
    if (all) {
      if (performance.getEntriesByName('lede:popup-all-notes').length === 0) performance.mark('lede:popup-all-notes');
      return;
    }
    const timer = setTimeout(() => setAll(true), 0);
    return () => clearTimeout(timer);
  }, [all]);
  const shown = all ? ordered : ordered.slice(0, FIRST_VIEW_NOTES);
  return (
    <ul class="notes" aria-busy={!all}>
      {shown.map((item) => (
        <NoteCard
          key={item.annotation.id}
          item={item}
          onReveal={() => onReveal(item)}
          onSave={(patch) => onSave(item, patch)}
          onDelete={() => onDelete(item)}
          onFindAgain={() => onFindAgain(item)}
        />
      ))}
    </ul>
  );
}

const pinPrefix = (fact: PageFact): string => `Pinned fact: ${fact.value || fact.figure}`;

function pinNote(fact: PageFact): string {
  return `${pinPrefix(fact)}${fact.measures ? `: ${fact.measures}` : ''}${fact.when ? ` (${fact.when})` : ''}`;
}

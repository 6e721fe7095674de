// The library page: every annotated article, searchable and filterable in memory, with
// bulk delete and undo, exports of all or the current selection, and import.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ExportBar } from '../../components/library/ExportBar';
import { FilterBar } from '../../components/library/FilterBar';
import { ImportReportView } from '../../components/library/ImportReportView';
import { LibraryRow } from '../../components/library/LibraryRow';
import { ProgressBar, type Progress } from '../../components/library/ProgressBar';
import { VirtualList } from '../../components/library/VirtualList';
import { downloadBlob } from '../../ext/download';
import type { LibraryExportKind } from '../../ext/library/exports';
import { notifyTabs } from '../../ext/library/notify';
import { liveCatalogue } from '../../ext/library/records';
import type { ImportStage } from '../../lib/export/library-file';
import type { ImportReport } from '../../lib/export/merge';
import { facetsOf, type Catalogue } from '../../lib/library/catalogue';
import { changedIds, versionsOf } from '../../lib/library/changes';
import { DEFAULT_QUERY, isFiltered, previewOf, runQuery, type LibraryQuery } from '../../lib/library/query';
import type { LedeDB } from '../../store/db';
import type { LedeRepo } from '../../store/repo';

export const ROW_HEIGHT = 84;
/** Rows whose highlights the first view reads: a screenful and the list's overscan. */
export const firstViewRows = (): number => Math.ceil((typeof innerHeight === 'number' && innerHeight > 0 ? innerHeight : 1200) / ROW_HEIGHT) + 8;
/** Articles per write transaction in a bulk delete or undo: big enough to be quick, small enough to show progress. */
const BULK_CHUNK = 100;

export interface LibraryProps {
  db: LedeDB;
  repo: LedeRepo;
  /** The first view, when it was read before the page first rendered. */
  initial?: Catalogue;
  /** The first view's read (newest rows), already under way; null if it failed. */
  firstView: Promise<Catalogue | null>;
  /** Called once, at the first commit that shows the library (rows, or the empty state). */
  onFirstRender?: (rows: number, catalogue: Catalogue) => void;
  /** Called once, at the first commit of the whole library (every article's highlights read). */
  onComplete?: (catalogue: Catalogue) => void;
  /** Called after a search's results are in the DOM, with the time the input event happened. */
  onSearchRendered?: (inputTime: number, results: number) => void;
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const formatDate = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateFormat.format(t);
};
const idle = (fn: (deadline?: IdleDeadline) => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : (setTimeout(fn, 50) as unknown as number);
const cancelIdle = (handle: number): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle));
const STAGE_LABELS: Record<ImportStage, string> = { reading: 'reading the file', checking: 'checking every record', writing: 'saving' };
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function inChunks(ids: readonly string[], label: string, setProgress: (p: Progress | null) => void, body: (chunk: string[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < ids.length; i += BULK_CHUNK) {
    setProgress({ label, done: i, total: ids.length });
    await body(ids.slice(i, i + BULK_CHUNK));
  }
  setProgress({ label, done: ids.length, total: ids.length });
}

export function Library({ db, repo, initial, firstView, onFirstRender, onComplete, onSearchRendered }: LibraryProps) {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(initial ?? null);
  const [loadError, setLoadError] = useState('');
  const [query, setQuery] = useState<LibraryQuery>(DEFAULT_QUERY);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<string[] | null>(null);
  const [report, setReport] = useState<{ report: ImportReport; file: File } | null>(null);
  const searchInput = useRef<number | null>(null);
  const firstRendered = useRef(false);
  const completeRendered = useRef(false);

  // A quick first view of the newest rows, then the whole library, kept live. The full read
  // starts once the first view is on screen so that the two do not compete.
  useEffect(() => {
    let full = false;
    let stopped = false;
    let sub: { unsubscribe(): void } | undefined;
    const subscribe = () => {
      if (stopped) return;
      sub = liveCatalogue(db).subscribe({
        next: (c) => {
          full = true;
          setCatalogue(c);
        },
        error: (e: unknown) => setLoadError(messageOf(e)),
      });
    };
    void firstView.then((c) => {
      if (c && !full && !stopped) setCatalogue(c);
      setTimeout(subscribe, 0);
    });
    return () => {
      stopped = true;
      sub?.unsubscribe();
    };
  }, [db, firstView]);

  // Search words are worked out in idle time after the first view, so the first search finds them ready.
  useEffect(() => {
    if (!catalogue) return;
    let next = 0;
    let handle = 0;
    const step = (deadline?: IdleDeadline) => {
      const entries = catalogue.entries;
      while (next < entries.length && (!deadline || deadline.timeRemaining() > 2)) catalogue.words(entries[next++]!);
      if (next < entries.length) handle = idle(step);
    };
    handle = idle(step);
    return () => cancelIdle(handle);
  }, [catalogue]);

  const results = useMemo(() => (catalogue ? runQuery(catalogue, query, new Date().getTimezoneOffset()) : []), [catalogue, query]);
  const facets = useMemo(() => (catalogue ? facetsOf(catalogue) : { tags: [], sites: [], entities: [] }), [catalogue]);
  const selectedShown = useMemo(() => results.filter((e) => selected.has(e.article.id)).map((e) => e.article.id), [results, selected]);

  useLayoutEffect(() => {
    if (!catalogue) return;
    if (!firstRendered.current) {
      firstRendered.current = true;
      onFirstRender?.(results.length, catalogue);
    }
    if (catalogue.complete && !completeRendered.current) {
      completeRendered.current = true;
      onComplete?.(catalogue);
    }
  }, [catalogue, results]);

  useLayoutEffect(() => {
    const t = searchInput.current;
    if (t === null) return;
    searchInput.current = null;
    onSearchRendered?.(t, results.length);
  }, [results]);

  const filtered = isFiltered(query);
  // Checked rows win; otherwise what the filters show; otherwise everything.
  const scopeIds = selectedShown.length > 0 ? selectedShown : filtered ? results.map((e) => e.article.id) : undefined;
  const scopeText =
    selectedShown.length > 0
      ? `the ${count(selectedShown.length, 'selected article', 'selected articles')}`
      : filtered
        ? `the ${count(results.length, 'article', 'articles')} shown`
        : `all ${count(catalogue?.entries.length ?? 0, 'article', 'articles')}`;

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allShownSelected = results.length > 0 && selectedShown.length === results.length;

  const run = async (what: string, body: () => Promise<void>) => {
    setBusy(true);
    setStatus('');
    try {
      await body();
    } catch (e) {
      setStatus(`Could not ${what}: ${messageOf(e)}`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const deleteSelected = () =>
    run('delete', async () => {
      const ids = selectedShown;
      await inChunks(ids, 'Deleting', setProgress, async (chunk) => {
        // One transaction per chunk: repo's own transactions nest inside it.
        await db.transaction('rw', [db.articles, db.annotations, db.search], () => Promise.all(chunk.map((id) => repo.deleteArticle(id))));
      });
      setSelected(new Set());
      setUndo(ids);
      setStatus(`Deleted ${count(ids.length, 'article', 'articles')} and ${ids.length === 1 ? 'its' : 'their'} highlights.`);
      void notifyTabs(ids);
    });

  const undoDelete = () =>
    run('undo', async () => {
      const ids = undo ?? [];
      await inChunks(ids, 'Restoring', setProgress, async (chunk) => {
        await db.transaction('rw', [db.articles, db.annotations, db.search], () => Promise.all(chunk.map((id) => repo.restoreArticle(id))));
      });
      setUndo(null);
      setStatus(`Restored ${count(ids.length, 'article', 'articles')}.`);
      void notifyTabs(ids);
    });

  const exportAs = (kind: LibraryExportKind) =>
    run('export', async () => {
      const label = kind === 'backup' ? 'Backing up' : 'Exporting';
      const ids = kind === 'backup' ? undefined : scopeIds;
      setProgress({ label: `${label}: reading the library`, done: 0, total: 2 });
      // The exporters load on first use, to keep the first view's scripts small; they run in a worker.
      const { buildLibraryExport } = await import('../../ext/library/exports');
      const file = await buildLibraryExport(kind, ids, (done, total) => setProgress({ label: `${label}: ${done < total ? 'making the file' : 'done'}`, done, total }));
      downloadBlob(document, file.name, file.blob);
      setStatus(kind === 'backup' ? `Saved ${file.name}, a backup of the whole library.` : `Saved ${file.name} with ${ids ? count(ids.length, 'article', 'articles') : 'every article'}.`);
    });

  const importFrom = (f: File, restoreDeleted = false) =>
    run('import', async () => {
      setReport(null);
      const before = versionsOf(await db.articles.toArray());
      const label = `Importing ${f.name}`;
      setProgress({ label: `${label}: reading the file`, done: 0, total: 1 });
      const { importInWorker } = await import('../../ext/library/import-file');
      const result = await importInWorker(f, (done, total, stage) => setProgress({ label: `${label}: ${STAGE_LABELS[stage]}`, done, total }), { restoreDeleted });
      setReport({ report: result, file: f });
      if (result.ok) void notifyTabs(changedIds(before, versionsOf(await db.articles.toArray())));
    });

  return (
    <div class="library">
      <header class="library-head">
        <h1>Lede library</h1>
        <p class="library-counts" data-testid="library-counts">
          {!catalogue
            ? 'Loading…'
            : catalogue.annotations === undefined
              ? `The ${count(catalogue.entries.length, 'newest article', 'newest articles')}; loading the rest…`
              : `${count(catalogue.entries.length, 'article', 'articles')} · ${count(catalogue.annotations, 'highlight', 'highlights')}`}
        </p>
      </header>
      <FilterBar
        query={query}
        facets={facets}
        onChange={(next, event) => {
          if (event && next.text !== query.text) searchInput.current = event.timeStamp;
          setQuery(next);
        }}
      />
      <ExportBar scope={scopeText} busy={busy} onExport={exportAs} onImport={importFrom} />
      <div class="bulkbar">
        <label class="select-all">
          <input
            type="checkbox"
            data-testid="library-select-all"
            checked={allShownSelected}
            disabled={results.length === 0}
            ref={(el) => {
              if (el) el.indeterminate = selectedShown.length > 0 && !allShownSelected;
            }}
            onChange={(event) => setSelected((event.currentTarget as HTMLInputElement).checked ? new Set(results.map((e) => e.article.id)) : new Set())}
          />
          Select all {count(results.length, 'article', 'articles')} shown
        </label>
        <button type="button" class="danger" data-testid="library-delete" disabled={busy || selectedShown.length === 0} onClick={() => void deleteSelected()}>
          Delete {selectedShown.length > 0 ? count(selectedShown.length, 'article', 'articles') : 'selected'}
        </button>
        {undo && (
          <button type="button" data-testid="library-undo" disabled={busy} onClick={() => void undoDelete()}>
            Undo delete
          </button>
        )}
        <p class="status" role="status" data-testid="library-status">
          {loadError ? `Could not read the library: ${loadError}` : status}
        </p>
      </div>
      <ProgressBar progress={progress} />
      <div class="import-report" role="status" aria-live="polite" data-testid="import-report">
        {report && <ImportReportView report={report.report} fileName={report.file.name} busy={busy} onRestoreDeleted={() => void importFrom(report.file, true)} />}
      </div>
      {catalogue && results.length === 0 ? (
        <p class="empty" data-testid="library-empty">
          {catalogue.entries.length === 0 ? 'Nothing saved yet. Highlight a passage or write a note on an article and it appears here.' : 'No article matches the search and filters.'}
        </p>
      ) : (
        <VirtualList
          count={results.length}
          rowHeight={ROW_HEIGHT}
          label={`Articles, ${count(results.length, 'result', 'results')}`}
          testId="library-list"
          renderRow={(i) => {
            const entry = results[i]!;
            return (
              <LibraryRow
                key={entry.article.id}
                entry={entry}
                index={i}
                count={results.length}
                height={ROW_HEIGHT}
                selected={selected.has(entry.article.id)}
                onToggle={toggle}
                formatDate={formatDate}
                preview={catalogue ? previewOf(catalogue, entry, query.text) : undefined}
              />
            );
          }}
        />
      )}
    </div>
  );
}

import { render } from 'preact';
import { LedeDB } from '../../store/db';
import { LedeRepo } from '../../store/repo';
import { firstViewRows, Library } from './Library';
import './library.css';
import { askForPersistentStorage } from '../../ext/persist';
import { loadFirstView } from '../../ext/library/records';
import type { Catalogue } from '../../lib/library/catalogue';

// The benchmark reads these marks: first view from navigation start, and each search from
// its input event to the commit of its results.
performance.mark('lede:library-module');

/** How long the page waits for its first rows before it shows itself without them. */
const FIRST_VIEW_WAIT_MS = 150;

function firstRender(rows: number): void {
  performance.mark('lede:library-rendered', { detail: { rows } });
}

function complete(): void {
  performance.mark('lede:library-complete');
}

function searchRendered(inputTime: number, results: number): void {
  performance.measure('lede:library-search', { start: inputTime, end: performance.now(), detail: { results } });
}

const db = new LedeDB();
const repo = new LedeRepo(db);
// The database opens and the newest rows are read while the page is still starting, so that
// the first render already has them (one layout, one paint) instead of showing an empty shell.
const firstView: Promise<Catalogue | null> = loadFirstView(db, firstViewRows()).catch(() => null);
void askForPersistentStorage(navigator);

const waited = await Promise.race([firstView, new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_VIEW_WAIT_MS))]);
render(
  <Library db={db} repo={repo} initial={waited ?? undefined} firstView={firstView} onFirstRender={firstRender} onComplete={complete} onSearchRendered={searchRendered} />,
  document.getElementById('app')!,
);

import { render } from 'preact';
import { LedeDB } from '../../store/db';
import { LedeRepo } from '../../store/repo';
import { Library } from './Library';
import './library.css';
import { askForPersistentStorage } from '../../ext/persist';

void askForPersistentStorage(navigator);

// The benchmark reads these marks: first view from navigation start, and each search from
// its input event to the commit of its results.
performance.mark('lede:library-module');

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
// For the console, and for bench/library.ts, which times the store's own search in this page.
(globalThis as { lede?: unknown }).lede = { db, repo };
render(<Library db={db} repo={repo} onFirstRender={firstRender} onComplete={complete} onSearchRendered={searchRendered} />, document.getElementById('app')!);

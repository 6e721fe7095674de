// npx tsx bench/import.ts — full backup and restore of a library of 100,000
// annotations (LEDE_BENCH_ANNOTATIONS), Lede's own backup + validated import against
// dexie-export-import's exportDB + importInto, in one process on the same records,
// into fake-indexeddb (Node has no IndexedDB; absolute times are fake-indexeddb's,
// which costs far more per request than a browser, so compare the rows, not the ms).
// Also: Lede's JSON-LD export and import of the same library, and the idempotent
// second import. Last line of stdout: one JSON object with the figures.
import { annotationCollectionJson } from '../lib/export/jsonld';
import { bigLibrary } from '../scripts/big-library';
import { backupText } from '../store/backup';
import { LedeDB } from '../store/db';
import { importFile } from '../store/import';
import { memoryDeps } from '../store/testing';

const TOTAL = Number(process.env.LEDE_BENCH_ANNOTATIONS ?? 100_000);
async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await run();
  return [r, performance.now() - t0];
}

async function main(): Promise<void> {
  // dexie-export-import needs two browser globals Node lacks: `self` and FileReader
  // (it only calls readAsArrayBuffer with onload/onerror).
  (globalThis as { self?: unknown }).self ??= globalThis;
  (globalThis as { FileReader?: unknown }).FileReader ??= class {
    onload: ((ev: { target: { result: unknown } }) => void) | null = null;
    onerror: ((ev: { target: { error: unknown } }) => void) | null = null;
    onabort: (() => void) | null = null;
    readAsArrayBuffer(blob: Blob): void {
      blob.arrayBuffer().then(
        (result) => this.onload?.({ target: { result } }),
        (error: unknown) => this.onerror?.({ target: { error } }),
      );
    }
  };
  const { exportDB, importInto } = await import('dexie-export-import');
  const lib = bigLibrary(TOTAL);
  const source = new LedeDB('bench-source', memoryDeps());
  await source.open();
  // Seed in slices: fake-indexeddb's request queue is quadratic in its length.
  for (let i = 0; i < lib.annotations.length; i += 2000) await source.annotations.bulkPut(lib.annotations.slice(i, i + 2000));
  await source.articles.bulkPut(lib.articles);

  const rows: { system: string; step: string; ms: number; bytes?: number; ok: boolean }[] = [];

  // Lede backup.
  const [ledeText, ledeExportMs] = await timed(() => backupText(source));
  rows.push({ system: 'lede', step: 'backup export', ms: ledeExportMs, bytes: new TextEncoder().encode(ledeText).length, ok: true });
  const ledeTarget = new LedeDB('bench-lede', memoryDeps());
  const [ledeReport, ledeImportMs] = await timed(() => importFile(ledeTarget, ledeText));
  const ledeOk = ledeReport.ok && (await ledeTarget.annotations.count()) === TOTAL;
  rows.push({ system: 'lede', step: 'backup import (validated, merged, one transaction)', ms: ledeImportMs, ok: ledeOk });
  const [again, againMs] = await timed(() => importFile(ledeTarget, ledeText));
  rows.push({ system: 'lede', step: 'same backup again (no-op)', ms: againMs, ok: again.ok && again.added === 0 && again.updated === 0 });

  // dexie-export-import on the same database.
  const [blob, dexieExportMs] = await timed(() => exportDB(source));
  rows.push({ system: 'dexie-export-import', step: 'backup export', ms: dexieExportMs, bytes: blob.size, ok: true });
  const dexieTarget = new LedeDB('bench-dexie', memoryDeps());
  await dexieTarget.open();
  const [, dexieImportMs] = await timed(() => importInto(dexieTarget, blob, { acceptNameDiff: true }));
  const dexieOk = (await dexieTarget.annotations.count()) === TOTAL;
  rows.push({ system: 'dexie-export-import', step: 'backup import (importInto, no validation)', ms: dexieImportMs, ok: dexieOk });

  // JSON-LD of the same library.
  const [jsonld, jsonldExportMs] = await timed(async () =>
    annotationCollectionJson(lib.articles, lib.annotations, { generated: '2026-11-25T18:00:00.000Z', collectionId: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
  );
  rows.push({ system: 'lede', step: 'JSON-LD export', ms: jsonldExportMs, bytes: new TextEncoder().encode(jsonld).length, ok: true });
  const jsonldTarget = new LedeDB('bench-jsonld', memoryDeps());
  const [jsonldReport, jsonldImportMs] = await timed(() => importFile(jsonldTarget, jsonld));
  rows.push({ system: 'lede', step: 'JSON-LD import', ms: jsonldImportMs, ok: jsonldReport.ok && (await jsonldTarget.annotations.count()) === TOTAL });

  console.log(`Backup and restore of ${lib.articles.length} articles and ${TOTAL} annotations (fake-indexeddb)\n`);
  console.log(`${'system'.padEnd(20)} ${'step'.padEnd(52)} ${'ms'.padStart(9)} ${'MB'.padStart(7)}  ok`);
  for (const r of rows) {
    console.log(`${r.system.padEnd(20)} ${r.step.padEnd(52)} ${r.ms.toFixed(0).padStart(9)} ${(r.bytes === undefined ? '' : (r.bytes / 1048576).toFixed(1)).padStart(7)}  ${r.ok ? 'yes' : 'NO'}`);
  }
  const find = (system: string, step: string): number => Math.round(rows.find((r) => r.system === system && r.step.startsWith(step))?.ms ?? NaN);
  console.log(
    JSON.stringify({
      annotations: TOTAL,
      articles: lib.articles.length,
      lede_backup_export_ms: find('lede', 'backup export'),
      lede_backup_import_ms: find('lede', 'backup import'),
      lede_reimport_noop_ms: find('lede', 'same backup'),
      dexie_export_import_export_ms: find('dexie-export-import', 'backup export'),
      dexie_export_import_import_ms: find('dexie-export-import', 'backup import'),
      lede_jsonld_export_ms: find('lede', 'JSON-LD export'),
      lede_jsonld_import_ms: find('lede', 'JSON-LD import'),
      lede_backup_mb: Number(((rows.find((r) => r.step === 'backup export' && r.system === 'lede')?.bytes ?? 0) / 1048576).toFixed(1)),
      lede_jsonld_mb: Number(((rows.find((r) => r.step === 'JSON-LD export')?.bytes ?? 0) / 1048576).toFixed(1)),
      all_ok: rows.every((r) => r.ok),
    }),
  );
}

await main();

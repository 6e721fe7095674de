// What an import did, in words: counts of added, updated, deleted, unchanged and skipped
// records, and why anything was skipped or nothing was written.
import type { ImportReport } from '../../lib/export/merge';

const FORMAT_NAMES: Record<NonNullable<ImportReport['format']>, string> = {
  'lede-jsonld': 'Lede JSON-LD export',
  'w3c-jsonld': 'W3C Web Annotation file',
  'lede-backup': 'Lede backup',
};

export interface ImportReportViewProps {
  report: ImportReport;
  fileName: string;
  /** Imports the file again, bringing back what was deleted in the library after it was made. */
  onRestoreDeleted?: () => void;
  busy?: boolean;
}

export function ImportReportView({ report, fileName, onRestoreDeleted, busy = false }: ImportReportViewProps) {
  if (!report.ok) {
    return (
      <div class="report report-error">
        <p>
          <strong>Could not import {fileName}.</strong> Nothing was changed.
        </p>
        <ul>
          {report.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </div>
    );
  }
  const counts: [string, number][] = [
    ['added', report.added],
    ['updated (the file had a newer version)', report.updated],
    ['deleted (the file holds a newer deletion)', report.deleted],
    ['unchanged', report.unchanged],
    ['skipped', report.skipped.length],
  ];
  if (report.restored > 0) counts.splice(3, 0, ['restored (deleted in the library, brought back from the file)', report.restored]);
  return (
    <div class="report">
      <p>
        <strong>Imported {fileName}</strong>
        {report.format ? ` (${FORMAT_NAMES[report.format]})` : ''}.
      </p>
      <ul class="report-counts">
        {counts.map(([label, n]) => (
          <li key={label} data-count={label.split(' ')[0]}>
            {n.toLocaleString()} {label}
          </li>
        ))}
      </ul>
      {report.deletedSince > 0 && onRestoreDeleted && (
        <p>
          {report.deletedSince.toLocaleString()} {report.deletedSince === 1 ? 'record was' : 'records were'} deleted in the library after this file was made, so the
          deletion was kept.{' '}
          <button type="button" data-testid="import-restore-deleted" disabled={busy} onClick={onRestoreDeleted}>
            Bring them back from the file
          </button>
        </p>
      )}
      {report.merged.length > 0 && (
        <details>
          <summary>{report.merged.length.toLocaleString()} articles matched ones already in the library by address and were merged</summary>
          <ul>
            {report.merged.slice(0, 50).map((m) => (
              <li key={m.url}>{m.title || m.url}</li>
            ))}
          </ul>
        </details>
      )}
      {report.skipped.length > 0 && (
        <details>
          <summary>Why records were skipped</summary>
          <ul>
            {report.skipped.slice(0, 100).map((s, i) => (
              <li key={i}>
                {s.kind} {s.id.slice(0, 60)}: {s.reason}
              </li>
            ))}
          </ul>
          {report.skipped.length > 100 && <p>…and {(report.skipped.length - 100).toLocaleString()} more.</p>}
        </details>
      )}
    </div>
  );
}

// The export buttons and the import file picker. What each does is the page's business;
// this says what will be exported.
import type { LibraryExportKind } from '../../ext/library/exports';

export interface ExportBarProps {
  /** "all 1,000 articles" or "the 12 selected articles". */
  scope: string;
  busy: boolean;
  onExport: (kind: LibraryExportKind) => void;
  onImport: (file: File) => void;
}

const BUTTONS: { kind: LibraryExportKind; label: string; testId: string; title: string }[] = [
  { kind: 'markdown', label: 'Markdown', testId: 'library-export-markdown', title: 'One Markdown file with every article, each with its title, address, tags, note and highlights' },
  { kind: 'markdown-zip', label: 'Markdown (zip)', testId: 'library-export-markdown-zip', title: 'A zip of Markdown files, one per article with front matter, for an Obsidian vault' },
  { kind: 'json', label: 'JSON-LD', testId: 'library-export-json', title: 'W3C Web Annotation JSON-LD, which Lede and other annotators can import' },
  { kind: 'csv', label: 'CSV', testId: 'library-export-csv', title: 'One row per highlight, for a spreadsheet' },
  { kind: 'backup', label: 'Full backup', testId: 'library-export-backup', title: 'Every record in the database, deleted ones included, to restore on another machine' },
];

export function ExportBar({ scope, busy, onExport, onImport }: ExportBarProps) {
  return (
    <div class="exportbar">
      <div class="exportbar-group" role="group" aria-labelledby="export-label">
        <span id="export-label" class="exportbar-label">
          Export {scope}:
        </span>
        {BUTTONS.map((b) => (
          <button
            key={b.kind}
            type="button"
            data-testid={b.testId}
            title={b.title}
            disabled={busy}
            aria-label={b.kind === 'backup' ? 'Full backup of the whole library' : `Export ${scope} as ${b.label}`}
            onClick={() => onExport(b.kind)}
          >
            {b.label}
          </button>
        ))}
      </div>
      <div class="exportbar-group">
        <label for="library-import" class="import-label">
          Import a Lede export or backup
        </label>
        <input
          id="library-import"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          data-testid="library-import"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            // Cleared so that choosing the same file again imports it again.
            input.value = '';
            if (file) onImport(file);
          }}
        />
      </div>
    </div>
  );
}

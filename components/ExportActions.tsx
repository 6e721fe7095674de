// Export this article: Markdown (download and clipboard), W3C Web Annotation JSON-LD, CSV.
// The popup supplies what each button does; this shows the buttons and says what happened.
import { useState } from 'preact/hooks';

export type ExportKind = 'markdown' | 'markdown-copy' | 'json' | 'csv';

export interface ExportActionsProps {
  /** Performs the export and returns what to tell the reader. */
  onExport: (kind: ExportKind) => Promise<string>;
}

const BUTTONS: { kind: ExportKind; label: string; testId: string; title: string }[] = [
  { kind: 'markdown', label: 'Markdown', testId: 'export-markdown', title: 'Download as Markdown and copy it to the clipboard' },
  { kind: 'markdown-copy', label: 'Copy Markdown', testId: 'export-markdown-copy', title: 'Copy as Markdown to the clipboard' },
  { kind: 'json', label: 'JSON-LD', testId: 'export-json', title: 'Download as W3C Web Annotation JSON-LD' },
  { kind: 'csv', label: 'CSV', testId: 'export-csv', title: 'Download as a CSV spreadsheet' },
];

export function ExportActions({ onExport }: ExportActionsProps) {
  const [message, setMessage] = useState('');
  const run = async (kind: ExportKind) => {
    try {
      setMessage(await onExport(kind));
    } catch (error) {
      setMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div class="export">
      <div class="export-buttons">
        {BUTTONS.map((b) => (
          <button key={b.kind} type="button" data-testid={b.testId} title={b.title} onClick={() => void run(b.kind)}>
            {b.label}
          </button>
        ))}
      </div>
      <p class="export-status" role="status" data-testid="export-status">
        {message}
      </p>
    </div>
  );
}

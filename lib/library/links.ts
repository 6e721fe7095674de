// Addresses and file names the library page puts in front of the reader.

/** The article's address if it is a web page; anything else (javascript:, data:) is not made a link. */
export function articleHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** "lede-library-2026-11-25.jsonld", or "lede-selection-…" for part of the library. */
export function exportFileName(kind: 'markdown' | 'markdown-zip' | 'json' | 'csv' | 'backup', when: Date, selection: boolean): string {
  const day = `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')}`;
  const base = kind === 'backup' ? `lede-backup-${day}` : `lede-${selection ? 'selection' : 'library'}-${day}`;
  const ext = { markdown: 'md', 'markdown-zip': 'zip', json: 'jsonld', csv: 'csv', backup: 'json' }[kind];
  return `${base}.${ext}`;
}

// Export file names from article titles: safe on every file system, readable in a downloads list.

/** A file name from the article title: "Xi and Putin meet.md" → "xi-and-putin-meet.md". */
export function fileNameFor(title: string, extension: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${stem || 'lede-article'}.${extension}`;
}

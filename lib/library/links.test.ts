import { describe, expect, it } from 'vitest';
import { articleHref, exportFileName } from './links';

describe('library links', () => {
  it('links only to web pages', () => {
    expect(articleHref('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
    expect(articleHref('javascript:alert(1)')).toBeUndefined();
    expect(articleHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(articleHref('not a url')).toBeUndefined();
  });

  it('names export files by kind, day and whether they hold a selection', () => {
    const day = new Date(2026, 10, 5, 12);
    expect(exportFileName('json', day, false)).toBe('lede-library-2026-11-05.jsonld');
    expect(exportFileName('csv', day, true)).toBe('lede-selection-2026-11-05.csv');
    expect(exportFileName('markdown-zip', day, false)).toBe('lede-library-2026-11-05.zip');
    expect(exportFileName('backup', day, true)).toBe('lede-backup-2026-11-05.json');
  });
});

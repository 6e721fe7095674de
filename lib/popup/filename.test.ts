import { describe, expect, it } from 'vitest';
import { fileNameFor } from './filename';

describe('fileNameFor', () => {
  it('turns a title into a short, safe file name', () => {
    expect(fileNameFor('Xi, Putin hold talks in Beijing: “a new era”', 'md')).toBe('xi-putin-hold-talks-in-beijing-a-new-era.md');
    expect(fileNameFor('Café société', 'csv')).toBe('cafe-societe.csv');
  });

  it('keeps no path separators or markup from a hostile title', () => {
    const name = fileNameFor('../../<img src=x onerror=alert(1)>', 'md');
    expect(name).toBe('img-src-x-onerror-alert-1.md');
  });

  it('falls back to a generic name when the title has nothing usable', () => {
    expect(fileNameFor('「」', 'jsonld')).toBe('lede-article.jsonld');
  });
});

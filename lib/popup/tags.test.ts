import { describe, expect, it } from 'vitest';
import { parseTags, tagsText } from './tags';

describe('parseTags', () => {
  it('splits on commas, trims and drops empty and repeated tags', () => {
    expect(parseTags(' trade, China ,, trade ,TRADE, russia')).toEqual(['trade', 'China', 'russia']);
  });

  it('round-trips through the text field', () => {
    expect(parseTags(tagsText(['a b', 'c']))).toEqual(['a b', 'c']);
  });
});

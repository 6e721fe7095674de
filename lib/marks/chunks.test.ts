import { describe, expect, it } from 'vitest';
import { chunkAtBlocks, relinkKeys } from './chunks';

describe('chunkAtBlocks', () => {
  it('covers the text exactly, cutting after newlines', () => {
    const text = 'aaaa\nbbbb\ncccc\ndddd';
    const chunks = chunkAtBlocks(text, 7);
    expect(chunks.map((c) => text.slice(c.start, c.end))).toEqual(['aaaa\n', 'bbbb\n', 'cccc\n', 'dddd']);
  });

  it('cuts a block longer than the size where it must', () => {
    const chunks = chunkAtBlocks('x'.repeat(25), 10);
    expect(chunks).toEqual([
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 20, end: 25 },
    ]);
  });

  it('gives no chunk for empty text', () => {
    expect(chunkAtBlocks('', 10)).toEqual([]);
  });
});

describe('relinkKeys', () => {
  it('joins a later surname to an earlier full name of the same type only', () => {
    const later = relinkKeys(
      [
        { type: 'PER', key: 'Vladimir Putin' },
        { type: 'LOC', key: 'New York' },
      ],
      [
        { type: 'PER', key: 'Putin' },
        { type: 'PER', key: 'York' },
        { type: 'ORG', key: 'Putin' },
      ],
    );
    expect(later.map((e) => e.key)).toEqual(['Vladimir Putin', 'York', 'Putin']);
  });
});

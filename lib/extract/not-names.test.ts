import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

function names(text: string): Array<[string, string]> {
  return extract(text).entities.map((e) => [e.text, e.type]);
}

describe('words that are no names alone', () => {
  it('are no names in tech and business news', () => {
    expect(names('The console has 8GB of RAM, a faster CPU and GPU, and supports HDR.')).toEqual([]);
    expect(names('GDP grew 2 percent, the CEO said, as AI and VR sales rose.')).toEqual([]);
    expect(names('The IPO raised $3 billion. The DNA test found HIV.')).toEqual([]);
  });

  it('stay inside the names that hold them, and real names stay', () => {
    expect(names('The AI Now Institute disagreed with Sony.')).toEqual([
      ['AI Now Institute', 'ORG'],
      ['Sony', 'ORG'],
    ]);
    expect(names('Trading closed at 1600 GMT.')).toContainEqual(['GMT', 'MISC']);
  });

  it('page labels in capitals are no names; datelines in capitals are', () => {
    expect(names('ADVERTISING\nEXCLUSIVE\nThe talks went on.')).toEqual([]);
    expect(names('LONDON\nThe talks went on.')).toEqual([['LONDON', 'LOC']]);
    expect(names('Photo\nThe talks went on.')).toEqual([]);
  });

  it('a remark that opens a sentence is no name', () => {
    // engadget: "Sure" was MISC.
    expect(names('Sure, the console is fast. Still, Sony charges $499 for it.')).toEqual([['Sony', 'ORG']]);
  });

  it('start no name inside a word: "4K TV" holds none', () => {
    expect(names('It supports HDR on any 4K TV.')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from './tokenize.ts';

const words = (text: string): string[] => {
  const t = tokenize(text);
  return t.starts.map((s, i) => text.slice(s, t.ends[i]));
};
const sentences = (text: string): string[] => {
  const t = tokenize(text);
  return splitSentences(text, t).map(([a, b]) => text.slice(t.starts[a], t.ends[b - 1]));
};

describe('tokenize', () => {
  it('keeps abbreviations, decimals and thousands together', () => {
    expect(words('The U.S. Gov. paid $1,200.50 on Jan. 5.')).toEqual(['The', 'U.S.', 'Gov.', 'paid', '$', '1,200.50', 'on', 'Jan.', '5', '.']);
  });
  it('splits possessives, hyphenated compounds and glued units', () => {
    expect(words('Russia’s China-Russia $1.2bn €3m 15% 80th 1990s')).toEqual(['Russia', '’s', 'China', '-', 'Russia', '$', '1.2', 'bn', '€', '3', 'm', '15', '%', '80th', '1990s']);
  });
  it('splits quotes and dashes from words', () => {
    expect(words('"Yes," he said — twice.')).toEqual(['"', 'Yes', ',', '"', 'he', 'said', '—', 'twice', '.']);
  });
});

describe('splitSentences', () => {
  it('ends sentences at stops, not at abbreviations or decimals', () => {
    expect(sentences('Mr. Smith paid 3.5 million. He left. The U.S. economy grew.')).toEqual(['Mr. Smith paid 3.5 million.', 'He left.', 'The U.S. economy grew.']);
  });
  it('ends a sentence at an abbreviation when a sentence starter follows, not inside a name', () => {
    expect(sentences('Microsoft sells the Xbox One S. You get a 4K player. George W. Bush met Apple Inc. The company grew in the U.S. The rest is history.')).toEqual([
      'Microsoft sells the Xbox One S.',
      'You get a 4K player.',
      'George W. Bush met Apple Inc.',
      'The company grew in the U.S.',
      'The rest is history.',
    ]);
    expect(sentences('Mr. The Rock smiled.')).toEqual(['Mr. The Rock smiled.']);
  });

  it('always ends a sentence at a newline, headlines included', () => {
    expect(sentences('Xi meets Putin in Beijing\nThe talks began on Tuesday')).toEqual(['Xi meets Putin in Beijing', 'The talks began on Tuesday']);
  });
  it('keeps closing quotes with their sentence', () => {
    expect(sentences('"We agree." Then they left.')).toEqual(['"We agree."', 'Then they left.']);
  });
});

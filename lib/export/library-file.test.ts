import { describe, expect, it } from 'vitest';
import { ImportFormatError } from './import-jsonld';
import { parseJson } from './library-file';

// A file shaped like an export: nesting, escaped quotes and backslashes, brackets inside strings.
const file = JSON.stringify({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  items: [
    { id: 'a1', body: [{ value: 'She said "no" \\ then {left} [twice]' }], tags: ['x', 'y'] },
    { id: 'a2', body: [], note: '' },
  ],
}, null, 1);

function messageOf(text: string): string {
  try {
    parseJson(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportFormatError);
    return (e as Error).message;
  }
  return 'parsed';
}

describe('parseJson', () => {
  it('calls a file cut at any point truncated, whatever the engine says at that point', () => {
    for (let cut = 1; cut < file.length; cut++) {
      const text = file.slice(0, cut);
      if (text.trim() === '') continue;
      expect(messageOf(text), `cut at ${cut}: ${JSON.stringify(text.slice(-12))}`).toMatch(/truncated/);
    }
  });

  it('calls a complete but malformed file not valid JSON', () => {
    for (const text of ['{"a": 1,}', '{"a" 1}', '[1, 2]]', 'not json', '{"a": "b"} trailing']) {
      expect(messageOf(text), text).toMatch(/not valid JSON/);
    }
  });

  it('says an empty file is empty', () => {
    expect(messageOf('  \n')).toMatch(/empty/);
  });
});

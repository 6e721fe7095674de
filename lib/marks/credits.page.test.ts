// Credits and stamps on a real page (France 24, from mozilla/readability's test pages, reduced as
// bench/held-out/README.md says): its header holds a photo caption that opens with the credit
// and a "Latest update" stamp, its foot a "Date created" stamp; the reference article leaves both out. The credit and the stamp go
// unmarked; the caption's description, the standfirst and the story stay markable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../page/body';
import { isCaption } from '../page/hints';
import { indexArticle } from '../page/text-index';
import { textToMark } from './unmarked';

const PAGE = join(import.meta.dirname, 'fixtures', 'france24-1', 'source.html');

describe('textToMark on france24-1', () => {
  // jsdom, not linkedom: mapping elements to text offsets needs its full DOM (compareDocumentPosition).
  const { document } = new JSDOM(readFileSync(PAGE, 'utf8')).window;
  const body = findArticle(document)!;
  const index = indexArticle(body);
  const marked = textToMark(index, body.headline, body.blocks.filter(isCaption));

  it('indexes the caption and the stamp (a reader may highlight them)', () => {
    expect(index.text).toContain('© Munir uz Zaman, AFP | Police forensics investigate');
    expect(index.text).toContain('Latest update : 2015-05-12');
  });

  it('leaves the photo credit and the stamp out of the text to mark, offsets unchanged', () => {
    expect(marked.length).toBe(index.text.length);
    expect(marked).not.toContain('Munir');
    expect(marked).not.toContain('AFP |');
    expect(marked).not.toContain('2015-05-12');
    const at = index.text.indexOf('Police forensics');
    expect(marked.slice(at, at + 16)).toBe('Police forensics');
  });

  it('keeps the caption description, the standfirst and the story markable', () => {
    expect(marked).toContain('Police forensics investigate the scene where US blogger of Bangladeshi origin');
    expect(marked).toContain('A blogger was hacked to death by assailants using machetes in Bangladesh on Tuesday');
    expect(marked).toContain('Ananta Bijoy Das');
  });
});

// Focused cases in the spirit of hypothesis/client's match-quote tests: what a
// reader sees when coming back to an article the site has edited.
import { describe as group, expect, it } from 'vitest';
import type { Selector } from '../model/types';
import { type AnchorResult, anchor, anchorAll } from './anchor';
import { positionToCodepoints } from './codepoints';
import { describe } from './describe';

const article = [
  'Chinese President Xi Jinping welcomed Russian President Vladimir Putin to Beijing on Tuesday for a summit of the Shanghai Cooperation Organisation.',
  'The two leaders signed more than 20 agreements covering energy, trade and transport, officials said after the meeting.',
  'Trade between the two countries reached a record 245 billion dollars last year, according to Chinese customs data.',
  'Putin called the relationship "unprecedented" and said talks would continue in Moscow next spring.',
].join('\n');

function highlight(text: string, passage: string, occurrence = 0): Selector[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(passage, at + 1);
  if (at < 0) throw new Error(`passage not in text: ${passage}`);
  return describe(text, at, at + passage.length);
}

function spanOf(text: string, r: AnchorResult): string | undefined {
  return r.status === 'anchored' ? text.slice(r.start, r.end) : undefined;
}

group('anchor', () => {
  it('anchors by position on the unchanged article, with full confidence', () => {
    const sel = highlight(article, 'signed more than 20 agreements');
    const r = anchor(article, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'position', confidence: 1 });
    expect(spanOf(article, r)).toBe('signed more than 20 agreements');
  });

  it('finds the quote again after a paragraph was inserted above it', () => {
    const sel = highlight(article, 'a record 245 billion dollars');
    const edited = 'Editor’s note: this article was updated with new figures.\n' + article;
    const r = anchor(edited, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'quote' });
    if (r.status !== 'anchored') return;
    expect(r.start).toBe(edited.indexOf('a record 245 billion dollars'));
  });

  it('uses context to pick the right one of two identical phrases', () => {
    const text = 'Officials said the talks went well. Markets rose.\nLater, officials said the talks went well. Markets fell.';
    const sel = highlight(text, 'the talks went well', 1);
    const edited = 'Breaking: summit ends.\n' + text;
    const r = anchor(edited, sel);
    expect(r.status).toBe('anchored');
    if (r.status !== 'anchored') return;
    expect(r.start).toBe(edited.lastIndexOf('the talks went well'));
  });

  it('anchors onto the passage when a word in it was changed', () => {
    const sel = highlight(article, 'The two leaders signed more than 20 agreements covering energy, trade and transport');
    const edited = article.replace('more than 20', 'nearly 30');
    const r = anchor(edited, sel);
    expect(r).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(spanOf(edited, r)).toBe('The two leaders signed nearly 30 agreements covering energy, trade and transport');
    expect(r.confidence).toBeLessThan(1);
  });

  it('orphans an annotation whose sentence was removed, keeping a hint of where it was', () => {
    const sel = highlight(article, 'said talks would continue in Moscow next spring');
    const edited = article.replace(/\nPutin called[^\n]*/, '');
    const r = anchor(edited, sel);
    expect(r.status).toBe('orphan');
  });

  it('does not jump to a look-alike sentence when the original is gone', () => {
    const text =
      'The central bank raised interest rates by half a point on Thursday, its third increase this year.\n' +
      'Analysts had expected a smaller move.\n' +
      'In March, the central bank raised interest rates by a quarter point, its first increase this year.';
    const sel = highlight(text, 'The central bank raised interest rates by half a point on Thursday');
    const edited = text.replace(/^[^\n]*\n/, '');
    const r = anchor(edited, sel);
    expect(r.status).toBe('orphan');
  });


  it('does not jump to a look-alike that took over the context of a passage edited on both sides', () => {
    // Found by the property test: a word changed just before the passage, and a new paragraph
    // inserted after it whose sentence ends like the passage. The look-alike now has the stored
    // suffix verbatim; the passage keeps its quote, most of its prefix and its suffix up to the
    // paragraph break. Nothing tells which is the passage for sure: orphan (or the passage), never the look-alike.
    const text =
      'The central bank reported the agreement in Beijing. Investors announced that rates would stay at 4 percent.\n' +
      'The minister suggested that prices rose 3 percent.';
    const sel = highlight(text, 'announced that rates would stay at');
    const edited = text
      .replace('agreement in Beijing', 'agreement reporters Beijing')
      .replace('percent.\n', 'percent.\nPutin announced that rates would stay at 4 percent.\n');
    const passage = edited.indexOf('announced that rates');
    for (const r of [anchor(edited, sel), anchorAll(edited, [{ selectors: sel }])[0] as AnchorResult]) {
      if (r.status === 'anchored') expect(r.start).toBe(passage);
    }
  });
  it('refuses to choose between two copies that quote and context cannot tell apart', () => {
    const para = 'The minister said the plan would cost 3 billion euros over five years and create new jobs in the region.';
    const text = `Opening paragraph of the report.\n${para}\nClosing paragraph of the report.`;
    const sel = highlight(text, 'cost 3 billion euros');
    // A copy of the paragraph appears right above the original: same quote, same 32-character context.
    const edited = text.replace(para, `${para}\n${para}`);
    expect(anchor(edited, sel).status).toBe('orphan');
  });

  it('does not stretch the span over the next sentence when the end of the passage was cut', () => {
    const text = 'He wrote the anthology For Keeps: 30 Years at the Movies, the legendary critic said. I think it is safe to say so.';
    const sel = highlight(text, 'anthology For Keeps: 30 Years at the Movies, the legendary');
    const edited = text.replace(', the legendary critic said. ', '. ');
    const r = anchor(edited, sel);
    if (r.status === 'anchored') expect(spanOf(edited, r)).toBe('anthology For Keeps: 30 Years at the Movies');
  });

  it('accepts positions stored in code points', () => {
    const text = 'Fans 😀 cheered as Putin arrived in Beijing 🇨🇳 on Tuesday.';
    const [quote, position] = highlight(text, 'Putin arrived in Beijing') as [Selector, Selector & { type: 'TextPositionSelector' }];
    const r = anchor(text, [quote, positionToCodepoints(position, text)]);
    expect(r).toMatchObject({ status: 'anchored', method: 'position' });
    expect(spanOf(text, r)).toBe('Putin arrived in Beijing');
  });

  it('orphans annotations with no quote', () => {
    expect(anchor(article, [{ type: 'TextPositionSelector', start: 0, end: 5, unit: 'utf16' }]).status).toBe('orphan');
  });
});

group('anchorAll', () => {
  it('settles a copied paragraph by the neighbours anchored around it', () => {
    const para = 'The minister said the plan would cost 3 billion euros over five years and create new jobs in the region.';
    const text = `Opening paragraph of the report, which sets the scene.\n${para}\nClosing paragraph of the report, with reactions.`;
    const anns = [
      highlight(text, 'Opening paragraph of the report'),
      highlight(text, 'cost 3 billion euros'),
      highlight(text, 'Closing paragraph of the report'),
    ].map((selectors) => ({ selectors }));
    // The site repeats the paragraph at the end, as a summary.
    const edited = `${text}\nIn short: ${para}`;
    // One at a time, the two copies cannot be told apart: an orphan, not a guess.
    expect(anchor(edited, anns[1]!.selectors).status).toBe('orphan');
    // Together, the neighbours anchored on either side say which copy is the passage.
    const results = anchorAll(edited, anns);
    expect(results.map((r) => r.status)).toEqual(['anchored', 'anchored', 'anchored']);
    const r = results[1] as AnchorResult;
    if (r.status !== 'anchored') return;
    expect(r.start).toBe(edited.indexOf('cost 3 billion euros'));
  });

  it('gives the same answers as anchor on an unchanged article', () => {
    const passages = ['Xi Jinping', 'more than 20 agreements', 'Chinese customs data', 'next spring'];
    const anns = passages.map((p) => ({ selectors: highlight(article, p) }));
    const all = anchorAll(article, anns);
    expect(all.map((r) => spanOf(article, r))).toEqual(passages);
    expect(all).toEqual(anns.map((a) => anchor(article, a.selectors)));
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findArticleWithReadability } from './readability-body.ts';
import { buildTextIndex, indexArticle } from './text-index.ts';
import { scoreBody } from './metrics.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const parse = (html: string) => parseHTML(html).document as unknown as Document;

describe('Readability on a clone, mapped back to the live page', () => {
  // medicalnewstoday makes Readability retry, which rebuilds its nodes from HTML.
  for (const page of ['heise', 'medicalnewstoday']) {
    it(`${page}: returns live blocks that hold the article, and leaves the page alone`, () => {
      const doc = parse(readFileSync(join(FIXTURES, page, 'source.html'), 'utf8'));
      const before = doc.documentElement.outerHTML;
      const body = findArticleWithReadability(doc)!;
      expect(body).not.toBeNull();
      for (const b of body.blocks) expect(b.ownerDocument === doc && doc.documentElement.contains(b)).toBe(true);
      const expected = buildTextIndex(parse(`<html><body>${readFileSync(join(FIXTURES, page, 'expected.html'), 'utf8')}</body></html>`).body).text;
      const text = indexArticle(body).text;
      expect(scoreBody(expected, text).coverage).toBeGreaterThanOrEqual(0.95);
      // No block is indexed twice: walking the outermost blocks equals walking the whole page.
      expect(text).toBe(buildTextIndex(doc.body, { blocks: body.blockSet }).text);
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  }
});

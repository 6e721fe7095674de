import fc from 'fast-check';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../model/types';
import { articleFiles, articleMarkdown, escapeBlock, libraryMarkdown, safeFileName, type ArticleExport } from './markdown';

const article: Article = {
  id: '6f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f',
  url: 'https://example.com/world/sco-summit',
  title: 'Xi & Putin <img src=x onerror=alert(1)> meet',
  site: 'Example News',
  byline: 'A. Reporter',
  published: '2025-09-01',
  note: 'My *view*:\n# not a heading\n- not a list',
  tags: ['China', 'trade policy'],
  entities: [
    { type: 'PER', key: 'Xi Jinping', label: 'Xi Jinping', count: 5 },
    { type: 'LOC', key: 'Beijing', label: 'Beijing <b>', count: 3 },
    { type: 'PER', key: 'Vladimir Putin', label: 'Vladimir Putin', count: 2 },
  ],
  created: '2025-09-01T10:00:00.000Z',
  updated: '2025-09-01T10:05:00.000Z',
};

const ann = (id: string, exact: string, note = '', extra: Partial<Annotation> = {}): Annotation => ({
  id,
  articleId: article.id,
  selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
  colour: 'yellow',
  note,
  tags: [],
  created: '2025-09-01T10:01:00.000Z',
  updated: '2025-09-01T10:01:00.000Z',
  ...extra,
});

const item: ArticleExport = {
  article,
  annotations: [
    ann('0a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d', 'signed a $400 billion deal', 'check <script>alert(1)</script>', { colour: 'green', tags: ['energy'] }),
    ann('1a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d', 'first line\nsecond line'),
    ann('2a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d', 'deleted one', '', { deleted: '2025-09-02T00:00:00.000Z' }),
  ],
  facts: [{ figure: '$400 billion', measures: 'gas deal value', when: '2025', sentence: 'They signed a <b>$400 billion</b> deal.' }],
};

/** Rendering with raw HTML allowed, as a permissive viewer would: any tag from the text would come through. */
const render = (md: string): string => micromark(md, { allowDangerousHtml: true });

/** The visible text of the rendered HTML. */
const visible = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('articleMarkdown', () => {
  const md = articleMarkdown(item);

  it('has Obsidian front matter whose values read back exactly', () => {
    const fm = /^---\n([^]*?)\n---\n/.exec(md)?.[1] ?? '';
    const field = (k: string): unknown => JSON.parse(new RegExp(`^${k}: (.*)$`, 'm').exec(fm)?.[1] ?? 'null');
    expect(field('title')).toBe(article.title);
    expect(field('url')).toBe(article.url);
    expect(field('site')).toBe('Example News');
    expect(field('byline')).toBe('A. Reporter');
    expect(field('published')).toBe('2025-09-01');
    expect(field('tags')).toEqual(['China', 'trade-policy']);
    expect(field('created')).toBe(article.created);
    expect(field('people')).toEqual(['Xi Jinping', 'Vladimir Putin']);
    expect(field('places')).toEqual(['Beijing <b>']);
    expect(fm).not.toContain('organisations:');
    // Page text that looks like HTML is escaped in the front matter too, and still reads back as itself.
    expect(fm).not.toMatch(/[<>]/);
    expect(fm).toContain('title: "Xi & Putin \\u003cimg src=x onerror=alert(1)\\u003e meet"');
  });

  it('front matter reads back exactly for any title (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '<b>', '\u2028', '\u0085', '"', '\\', '\n'), (title, extra) => {
        const fm = /^---\n([^]*?)\n---\n/.exec(articleMarkdown({ article: { ...article, title: title + extra }, annotations: [] }))?.[1] ?? '';
        const line = /^title: (.*)$/m.exec(fm)?.[1] ?? '';
        expect(line).not.toMatch(/[<>\u0085\u2028\u2029\n]/);
        expect(JSON.parse(line)).toBe(title + extra);
      }),
      { numRuns: 300 },
    );
  });

  it('contains the title, URL, live highlights with notes and colours, and the facts', () => {
    const html = render(md.replace(/^---\n[^]*?\n---\n/, ''));
    const text = visible(html);
    expect(text).toContain('Xi & Putin <img src=x onerror=alert(1)> meet');
    expect(html).toContain('href="https://example.com/world/sco-summit"');
    expect(text).toContain('signed a $400 billion deal');
    expect(text).toContain('check <script>alert(1)</script>');
    expect(text).toContain('green');
    expect(text).toContain('#energy');
    expect(text).toContain('$400 billion: gas deal value (2025)');
    expect(text).toContain('They signed a <b>$400 billion</b> deal.');
    expect(text).not.toContain('deleted one');
    expect(html.match(/<blockquote>/g)?.length).toBe(3);
  });

  it('shows HTML and Markdown in page and note text as literal text', () => {
    const html = render(md.replace(/^---\n[^]*?\n---\n/, ''));
    expect(html).not.toMatch(/<(img|script|b)[\s>]/);
    expect(html).not.toContain('<em>view</em>');
    expect(html).not.toContain('<h1>not a heading');
    expect(html).not.toContain('<li>not a list');
    expect(visible(html)).toContain('My *view*:');
  });

  it('escapes any text so that it renders as itself (property)', () => {
    const hostile = fc.constantFrom('<', '>', '&', '&amp;', '*', '_', '`', '[', ']', '(', ')', '#', '-', '+', '1.', '=', '|', '~', '$', '%%', '!', '\\', ' ', 'a', 'é', '👍', '<img src=x onerror=alert(1)>', '==', '---', '```', '    ');
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 12 }).map((p) => p.join('')), (s) => {
        const line = s.trim();
        if (!line) return;
        const html = micromark(escapeBlock(line).join('\n'), { allowDangerousHtml: true });
        expect(html).not.toMatch(/<(img|script|em|strong|code|a|h\d|ul|ol|li|hr|del|pre)[\s>]/);
        // Browsers collapse runs of spaces, so compare the text as it would show.
        expect(visible(html).replace(/\s+/g, ' ').trim()).toBe(line.replace(/\s+/g, ' '));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps line starts from turning into headings, lists or rules', () => {
    const html = micromark(escapeBlock('# h\n- l\n+ l\n1. n\n2) n\n===\n---').join('\n\n'), { allowDangerousHtml: true });
    expect(html).not.toMatch(/<(h\d|ul|ol|hr)[\s>]/);
  });
});

describe('many articles', () => {
  it('one document with one front matter at most, or one file per article with safe unique names', () => {
    const second: ArticleExport = { article: { ...article, id: 'b', title: 'Xi & Putin <img src=x onerror=alert(1)> meet' }, annotations: [] };
    const doc = libraryMarkdown([item, second]);
    expect(doc.startsWith('# Lede export\n')).toBe(true);
    expect(doc).not.toContain('\n---\ntitle:');
    expect(render(doc)).not.toMatch(/<img[\s>]/);
    const files = articleFiles([item, second, { article: { ...article, title: 'CON' }, annotations: [] }]);
    expect(files.map((f) => f.filename)).toEqual(['Xi & Putin img src=x onerror=alert(1) meet.md', 'Xi & Putin img src=x onerror=alert(1) meet (2).md', 'CON_.md']);
  });

  it('file names carry no character any system or Obsidian refuses', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(fc.constantFrom(...'<>:"/\\|?*#^[]. \u0000\u001f\u007féß北👍'.split('')), fc.string({ maxLength: 3 })), { maxLength: 150 })
          .map((parts) => parts.join('')),
        (title) => {
        const name = safeFileName(title);
        expect(name).not.toMatch(/[\u0000-\u001f<>:"/\\|?*#^[\]]/);
        expect(name).not.toMatch(/^[.\s]|[.\s]$/);
        expect([...name].length).toBeLessThanOrEqual(100);
        expect(name.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    expect(safeFileName('. $')).toBe('$');
    expect(safeFileName('a\ud83d b')).toBe('a b');
    expect(safeFileName(' .. ')).toBe('Untitled');
  });
});

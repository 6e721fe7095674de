// Article-body detection on real pages (fixtures copied from the corpus, originally from
// mozilla/readability's test pages), in the style of readability's test-readability.js:
// each page's detected body is compared with the expected article by words.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { findArticle } from './body.ts';
import { buildTextIndex, indexArticle } from './text-index.ts';
import { scoreBody } from './metrics.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const pages = readdirSync(FIXTURES).sort();

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

// Real pages are large: linkedom parses them ten times faster than jsdom.
function parseFast(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function expectedText(page: string): string {
  const doc = parseFast(`<!doctype html><html><body>${readFileSync(join(FIXTURES, page, 'expected.html'), 'utf8')}</body></html>`);
  return buildTextIndex(doc.body).text;
}

describe('findArticle on real pages', () => {
  it('has fixtures, including non-English pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages).toEqual(expect.arrayContaining(['heise', 'lemonde-1']));
  });

  for (const page of pages) {
    it(`${page}: finds ≥ 90% of the article and ≥ 95% of what it marks is article, without touching the page`, () => {
      const doc = parseFast(readFileSync(join(FIXTURES, page, 'source.html'), 'utf8'));
      const before = doc.documentElement.outerHTML;
      const body = findArticle(doc);
      expect(body).not.toBeNull();
      const ix = indexArticle(body!);
      const score = scoreBody(expectedText(page), ix.text);
      expect(score.coverage).toBeGreaterThanOrEqual(0.9);
      expect(score.insideShare).toBeGreaterThanOrEqual(0.95);
      // Walking only the outermost blocks gives exactly the text of walking the whole root.
      expect(buildTextIndex(body!.root, { blocks: body!.blockSet }).text).toBe(ix.text);
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  }
});

const LONG = 'The finance minister said on Tuesday that the budget would grow, and that the central bank, which has resisted pressure for months, agreed with the plan. ';

function page(body: string, head = ''): Document {
  return parse(`<!doctype html><html><head><title>Test</title>${head}</head><body>${body}</body></html>`);
}

describe('findArticle on made-up pages', () => {
  it('keeps navigation, related links, comments and footer out of an article', () => {
    const doc = page(`
      <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news today</a></li></ul></nav>
      <div id="main"><article>
        <h1>Budget rises</h1>
        <p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p>
        <div class="related-links"><ul><li><a href="/a">Another story about budgets and ministers</a></li><li><a href="/b">Yet another story on the bank</a></li></ul></div>
        <p>${LONG}</p>
      </article>
      <section id="comments" class="comments"><p>I disagree with the minister, this is the worst budget ever written, and so on.</p></section></div>
      <footer><p>Copyright the newspaper. All rights reserved, reproduced without permission never.</p></footer>`);
    const body = findArticle(doc)!;
    expect(body).not.toBeNull();
    const text = indexArticle(body).text;
    expect(text.startsWith('Budget rises\n')).toBe(true);
    expect(text.split(LONG.trim()).length - 1).toBe(5);
    for (const furniture of ['Home', 'Another story', 'disagree', 'Copyright']) expect(text).not.toContain(furniture);
  });

  it('leaves photo credits and copyright lines out, even inside blocks named as the article', () => {
    // As on telegraph: the caption is kept, the credit span next to it (an agency, a photographer) is not.
    const doc = page(`
      <article class="article-body">
        <h1>Budget rises</h1>
        <figure><img alt=""><figcaption><span itemprop="caption" class="article-body-image-caption">The minister at the bank on Tuesday</span>
          <span itemprop="copyrightHolder" class="article-body-image-copyright"><span class="article-body-image-copyright-label">Credit:</span> STR/AFP</span></figcaption></figure>
        <p>${LONG}</p><p>${LONG}</p><p>${LONG}</p>
        <figure><img alt=""><figcaption>The central bank's board<span class="caption-credit">Jane Doe / Reuters</span></figcaption></figure>
        <p>${LONG}</p>
      </article>`);
    const text = indexArticle(findArticle(doc)!).text;
    expect(text).toContain('The minister at the bank on Tuesday');
    expect(text).toContain("The central bank's board");
    for (const credit of ['Credit:', 'AFP', 'Jane Doe', 'Reuters']) expect(text).not.toContain(credit);
  });

  it('says a search results page is not an article', () => {
    const results = Array.from({ length: 10 }, (_, i) =>
      `<div class="g"><h3><a href="/r${i}">Result ${i}: budget news from the ministry</a></h3><p>${LONG.slice(0, 150)}</p></div>`,
    ).join('');
    expect(findArticle(page(`<form><input name="q" value="budget"></form><div id="search">${results}</div>`))).toBeNull();
  });

  it('says a front page of short teasers is not an article', () => {
    const teasers = Array.from({ length: 14 }, (_, i) =>
      `<article class="story"><h2><a href="/s${i}">Headline number ${i} about the budget</a></h2><p>${LONG.slice(0, 140)}</p></article>`,
    ).join('');
    expect(findArticle(page(`<header><h1>The Daily</h1></header><main>${teasers}</main>`))).toBeNull();
  });

  it('says a front page of teaser clusters is not an article, even when each cluster is small', () => {
    const cluster = (k: number) =>
      `<section class="section-${k}"><h2>Section ${k}</h2>` +
      Array.from({ length: 3 }, (_, i) => `<div class="card"><h3><a href="/s${k}-${i}">Headline ${k}.${i} about the budget talks</a></h3><p>${LONG.slice(0, 120 + 10 * i)}</p></div>`).join('') +
      `</section>`;
    const doc = page(`<header><a href="/">The Daily</a></header><main>${[1, 2, 3, 4, 5].map(cluster).join('')}</main>`, '<meta property="og:type" content="website">');
    expect(findArticle(doc)).toBeNull();
  });

  it('says a single cluster of four top stories is not an article', () => {
    const cards = Array.from({ length: 4 }, (_, i) => `<div class="card"><h3><a href="/s${i}">Headline ${i} about the budget talks</a></h3><p>${(LONG + LONG).slice(0, 250)}</p></div>`).join('');
    expect(findArticle(page(`<div class="top-stories">${cards}</div><ul>${'<li><a href="/x">Another linked story</a></li>'.repeat(10)}</ul>`))).toBeNull();
  });

  it('says an app screen is not an article', () => {
    const doc = page(`<div id="app"><h1>Inbox</h1><button>Compose</button><ul>${'<li><a href="#">Message subject</a> Sender · 10:42</li>'.repeat(20)}</ul><input type="search"></div>`);
    expect(findArticle(doc)).toBeNull();
  });

  it('finds an article inside an open shadow root', () => {
    const doc = page('<nav><a href="/">Home</a></nav><news-article id="host"></news-article>');
    const sr = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    sr.innerHTML = `<article><h1>Shadow story</h1><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></article>`;
    const body = findArticle(doc)!;
    expect(body).not.toBeNull();
    const ix = indexArticle(body);
    expect(ix.text).toContain('finance minister');
    const s = ix.text.indexOf('central bank');
    expect(ix.toRange(doc, s, s + 12)!.toString()).toBe('central bank');
  });

  it('finds an article inside a same-origin iframe when given its document', () => {
    const outer = page('<p>Frame host.</p><iframe></iframe>');
    const inner = outer.querySelector('iframe')!.contentDocument!;
    inner.body.innerHTML = `<div class="story-body"><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></div>`;
    const body = findArticle(inner)!;
    expect(body).not.toBeNull();
    expect(indexArticle(body).toRange(inner, 4, 11)!.toString()).toBe('finance');
  });

  it('still works when the page overrides Node.prototype.appendChild and Array.prototype.map', () => {
    const doc = page(`<article><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></article>`);
    const win = doc.defaultView as unknown as { Node: typeof Node };
    const originalMap = Array.prototype.map;
    win.Node.prototype.appendChild = () => {
      throw new Error('page override');
    };
    try {
      Array.prototype.map = function () {
        throw new Error('page override');
      };
      const body = findArticle(doc);
      const text = body ? indexArticle(body).text : '';
      Array.prototype.map = originalMap;
      expect(body).not.toBeNull();
      expect(text).toContain('central bank');
    } finally {
      Array.prototype.map = originalMap;
    }
  });

  it('returns null rather than throwing when the page breaks DOM methods', () => {
    const doc = page(`<article><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p></article>`);
    const proto = (doc.defaultView as unknown as { Element: typeof Element }).Element.prototype;
    const original = proto.getAttribute;
    proto.getAttribute = function () {
      throw new Error('page override');
    };
    try {
      expect(findArticle(doc)).toBeNull();
      const ix = buildTextIndex(doc.body);
      expect(ix.truncated).toBe(true);
    } finally {
      proto.getAttribute = original;
    }
    expect(findArticle(doc)).not.toBeNull();
  });

  it('caps a million-word page instead of walking all of it', () => {
    // Built as DOM nodes, not HTML, to keep the test quick; 2,000 paragraphs × 500 words.
    const doc = page('<article id="a"></article>');
    const art = doc.getElementById('a')!;
    const para = LONG.repeat(19);
    for (let i = 0; i < 2000; i++) {
      const p = doc.createElement('p');
      p.textContent = para;
      art.append(p);
    }
    const body = findArticle(doc)!;
    expect(body.truncated).toBe(true);
    const ix = indexArticle(body);
    expect(ix.truncated).toBe(true);
    expect(ix.text.startsWith('The finance minister')).toBe(true);
  });
});

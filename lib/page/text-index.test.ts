import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { TextIndexBuilder, buildTextIndex, type TextIndex } from './text-index.ts';

function dom(body: string): Document {
  return new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;
}

// One window for the property test: a fresh JSDOM per run costs more than the test itself.
const shared = new JSDOM('<!doctype html><html><body></body></html>').window.document;
function reuse(body: string): Document {
  shared.body.innerHTML = body;
  return shared;
}

/** The DOM character a flat offset maps to. */
function domCharAt(ix: TextIndex, i: number): string | null {
  const span = ix.toSpan(i, i + 1);
  if (!span) return null;
  return span.startNode.data.charAt(span.startOffset);
}

describe('buildTextIndex: flat text', () => {
  it('collapses whitespace as rendered and separates blocks with one newline', () => {
    const doc = dom('<div>\n  <p>  Hello \n  <b>big</b>   world. </p>\n<p>Two</p>  </div>');
    expect(buildTextIndex(doc.body).text).toBe('Hello big world.\nTwo');
  });

  it('never joins words of adjacent blocks, and breaks lines at <br>', () => {
    const doc = dom('<div>end<p>Start</p>tail<br>next line<h2>Head</h2><ul><li>one</li><li>two</li></ul></div>');
    expect(buildTextIndex(doc.body).text).toBe('end\nStart\ntail\nnext line\nHead\none\ntwo');
  });

  it('keeps inline elements inside one sentence', () => {
    const doc = dom('<p>Angela <a href="#">Merkel</a><span>’s</span> <em>party</em>, the CDU.</p>');
    expect(buildTextIndex(doc.body).text).toBe('Angela Merkel’s party, the CDU.');
  });

  it('skips scripts, styles, hidden, form fields, editable regions and excluded UI', () => {
    const doc = dom(
      '<div><p>Shown<script>var x = "no";</script><style>p{}</style> text</p>' +
        '<p hidden>hidden attr</p><p aria-hidden="true">aria hidden</p><p style="color:red; display: none">inline none</p>' +
        '<p style="visibility:hidden">invisible</p><form><input value="field"><textarea>typed</textarea><button>Go</button></form>' +
        '<div contenteditable="true">draft</div><div contenteditable="false">fixed</div>' +
        '<div id="lede-ui"><p>our card</p></div><noscript>enable js</noscript><template><p>tpl</p></template><p>End.</p></div>',
    );
    const ix = buildTextIndex(doc.body, { exclude: (el) => el.id === 'lede-ui' });
    expect(ix.text).toBe('Shown text\nfixed\nEnd.');
  });

  it('shows only the summary of a closed <details>', () => {
    const doc = dom('<details><summary>More</summary><p>Hidden body</p></details><details open><summary>Open</summary><p>Shown body</p></details>');
    expect(buildTextIndex(doc.body).text).toBe('More\nOpen\nShown body');
  });

  it('still reads a page that a modal dialog marked aria-hidden behind itself', () => {
    const doc = dom('<div id="app" aria-hidden="true"><main aria-hidden="true"><p>Story text<span aria-hidden="true">★</span>.</p></main></div><div role="dialog">Accept cookies</div>');
    expect(buildTextIndex(doc.body).text).toBe('Story text.\nAccept cookies');
  });

  it('keeps whitespace inside <pre>', () => {
    const doc = dom('<pre>a  b\n  c</pre><p>x   y</p>');
    expect(buildTextIndex(doc.body).text).toBe('a  b\n  c\nx y');
  });

  it('restricts to the given blocks but keeps document order', () => {
    const doc = dom('<div><p id="a">First.</p><p id="skip">Menu</p><p id="b">Second.</p></div>');
    const blocks = new Set([doc.getElementById('b')!, doc.getElementById('a')!]);
    expect(buildTextIndex(doc.body, { blocks }).text).toBe('First.\nSecond.');
  });

  it('stops at maxChars and says so', () => {
    const doc = dom('<p>' + 'word '.repeat(1000) + '</p>');
    const ix = buildTextIndex(doc.body, { maxChars: 100 });
    expect(ix.length).toBe(100);
    expect(ix.truncated).toBe(true);
    expect(buildTextIndex(doc.body).truncated).toBe(false);
  });

  it('gives the same result when built in many small slices', () => {
    const doc = dom('<p>' + 'Alpha beta. '.repeat(50) + '</p><div><p>Gamma</p>delta<br>eps</div>'.repeat(30));
    const once = buildTextIndex(doc.body);
    const b = new TextIndexBuilder(doc.body);
    let slices = 0;
    while (!b.step(() => true)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(b.index.text).toBe(once.text);
    expect(b.index.toSpan(100, 120)).toEqual(once.toSpan(100, 120));
  });

  it('indexes one giant text node across several slices, exactly as in one go', () => {
    const doc = dom('<pre>' + 'line  of   text\n'.repeat(8000) + '</pre><p>' + 'word   '.repeat(20000) + 'end.</p>');
    const once = buildTextIndex(doc.body);
    const b = new TextIndexBuilder(doc.body);
    let slices = 0;
    while (!b.step(() => true)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(b.index.text).toBe(once.text);
    expect(once.text.endsWith('word word end.')).toBe(true);
    const at = once.text.length - 4;
    expect(b.index.toSpan(at, at + 4)).toEqual(once.toSpan(at, at + 4));
    expect(b.index.fromPosition(once.toSpan(at, at + 1)!.startNode, once.toSpan(at, at + 1)!.startOffset)).toBe(at);
  });
});

describe('TextIndex: offsets ↔ DOM positions', () => {
  it('maps a flat interval to a live Range with the same words', () => {
    const doc = dom('<p>The   <b>Bank of</b>\n England   raised rates.</p><p>Then more.</p>');
    const ix = buildTextIndex(doc.body);
    const s = ix.text.indexOf('Bank');
    const e = ix.text.indexOf('England') + 'England'.length;
    const range = ix.toRange(doc, s, e)!;
    expect(range.toString().replace(/\s+/g, ' ')).toBe('Bank of England');
    expect(ix.fromPosition(range.startContainer, range.startOffset)).toBe(s);
    expect(ix.fromPosition(range.endContainer, range.endOffset)).toBe(e);
  });

  it('maps separators to nothing: a span across blocks starts and ends on real text', () => {
    const doc = dom('<p>One.</p><p>Two.</p>');
    const ix = buildTextIndex(doc.body);
    expect(ix.toSpan(4, 5)).toBeNull();
    const span = ix.toSpan(3, 6)!;
    expect(span.startNode.data).toBe('One.');
    expect(span.startOffset).toBe(3);
    expect(span.endNode.data).toBe('Two.');
    expect(span.endOffset).toBe(1);
  });

  it('maps positions in collapsed whitespace and element boundaries to the next character', () => {
    const doc = dom('<p id="p">a    <i>b</i></p><p id="q">c</p>');
    const ix = buildTextIndex(doc.body);
    expect(ix.text).toBe('a b\nc');
    const aNode = doc.getElementById('p')!.firstChild!;
    expect(ix.fromPosition(aNode, 3)).toBe(2); // inside the collapsed run: next is "b"
    expect(ix.fromPosition(aNode, 1)).toBe(1); // the kept space
    expect(ix.fromPosition(doc.getElementById('q')!, 0)).toBe(4);
    expect(ix.fromPosition(doc.getElementById('p')!, 1)).toBe(2); // before <i>
    expect(ix.fromPosition(doc.body, doc.body.childNodes.length)).toBe(5);
  });

  it('returns null for positions outside the indexed roots', () => {
    const doc = dom('<header><p id="h">Menu</p></header><main><p>Story.</p></main>');
    const ix = buildTextIndex(doc.querySelector('main')!);
    expect(ix.fromPosition(doc.getElementById('h')!.firstChild!, 1)).toBeNull();
  });

  it('round-trips every character of random markup', () => {
    const word = fc.constantFrom('Paris', 'May', '$5', '3%', 'the', 'CDU', 'naïve', 'x');
    const space = fc.constantFrom(' ', '  ', '\n ', '\t', '');
    const inline = fc.tuple(fc.constantFrom('b', 'i', 'span', 'a'), fc.array(fc.tuple(space, word), { maxLength: 3 }));
    const para = fc.tuple(
      fc.constantFrom('p', 'div', 'li', 'h2'),
      fc.array(fc.oneof(fc.tuple(space, word).map(([s, w]) => s + w), inline.map(([t, ws]) => `<${t}>${ws.map(([s, w]) => s + w).join('')}</${t}>`), fc.constant('<br>')), { maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 6 }), (paras) => {
        const html = paras.map(([t, parts]) => `<${t}>${parts.join('')}</${t}>`).join('\n');
        const doc = reuse(html);
        const ix = buildTextIndex(doc.body);
        const text = ix.text;
        expect(text).not.toMatch(/^\s|\s$|  |\n\n| \n|\n /);
        for (let i = 0; i < text.length; i++) {
          const ch = text[i]!;
          const span = ix.toSpan(i, i + 1);
          if (ch === '\n') {
            expect(span).toBeNull();
            continue;
          }
          const dch = domCharAt(ix, i);
          if (ch === ' ') expect(dch).toMatch(/\s/);
          else expect(dch).toBe(ch);
          expect(ix.fromPosition(span!.startNode, span!.startOffset)).toBe(i);
          expect(ix.fromPosition(span!.endNode, span!.endOffset)).toBe(i + 1);
        }
        // Whole-text range has the same words as the flat text.
        if (text.length > 0) {
          const r = ix.toRange(doc, 0, text.length)!;
          const words = (s: string) => s.split(/\s+/).filter(Boolean).join('');
          expect(words(r.toString())).toBe(words(text));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('TextIndex: shadow roots and iframes', () => {
  it('walks open shadow roots in place of light children, with slotted content', () => {
    const doc = dom('<p>Before.</p><div id="host"><span slot="byline">By Ann Lee</span><span>unslotted light text</span></div><p>After.</p>');
    const host = doc.getElementById('host')!;
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = '<h1>Inside</h1><p>Shadow paragraph.</p><p><slot name="byline"></slot></p>';
    const ix = buildTextIndex(doc.body);
    expect(ix.text).toBe('Before.\nInside\nShadow paragraph.\nBy Ann Lee\nAfter.');
    const s = ix.text.indexOf('Shadow');
    const range = ix.toRange(doc, s, s + 'Shadow paragraph'.length)!;
    expect(range.toString()).toBe('Shadow paragraph');
    expect(range.startContainer.getRootNode()).toBe(sr);
    expect(ix.fromPosition(range.startContainer, range.startOffset)).toBe(s);
    const ann = ix.text.indexOf('Ann');
    expect(ix.toRange(doc, ann, ann + 3)!.toString()).toBe('Ann');
  });

  it('indexes a same-origin iframe when given its document', () => {
    const outer = dom('<p>Host page.</p><iframe></iframe>');
    const frame = outer.querySelector('iframe')!;
    const inner = frame.contentDocument!;
    inner.body.innerHTML = '<article><p>Framed   story.</p></article>';
    const ix = buildTextIndex(inner);
    expect(ix.text).toBe('Framed story.');
    expect(ix.toRange(inner, 0, 6)!.toString()).toBe('Framed');
  });
});

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../model/types';
import { fromW3C } from './import-jsonld';
import { toAnnotationCollection } from './jsonld';

// The shapes of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
// that Lede's export uses, written from the specification, strict where it is strict.
const IRI = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9+.-]*:[^\s]+$/i, 'an IRI'));
const DateTime = v.pipe(v.string(), v.isoTimestamp());
const Motivation = v.picklist(['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging']);
const TextQuoteSelector = v.strictObject({ type: v.literal('TextQuoteSelector'), exact: v.string(), prefix: v.optional(v.string()), suffix: v.optional(v.string()) });
const TextPositionSelector = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const TextualBody = v.object({ type: v.literal('TextualBody'), value: v.string(), format: v.optional(v.literal('text/plain')), purpose: v.optional(Motivation) });
const W3CAnnotation = v.object({
  id: IRI,
  type: v.literal('Annotation'),
  motivation: Motivation,
  created: DateTime,
  modified: DateTime,
  body: v.optional(v.array(TextualBody)),
  target: v.object({
    type: v.literal('SpecificResource'),
    source: IRI,
    styleClass: v.string(),
    selector: v.array(v.union([TextQuoteSelector, TextPositionSelector])),
  }),
  stylesheet: v.object({ type: v.literal('CssStylesheet'), value: v.string() }),
});
const W3CCollection = v.object({
  '@context': v.pipe(v.array(v.unknown()), v.check((c) => c[0] === 'http://www.w3.org/ns/anno.jsonld', 'the anno context first')),
  id: IRI,
  type: v.literal('AnnotationCollection'),
  label: v.string(),
  total: v.pipe(v.number(), v.integer()),
  first: v.object({ type: v.literal('AnnotationPage'), id: IRI, startIndex: v.literal(0), items: v.array(W3CAnnotation) }),
});

const text = 'Intro 👋🏽 then 北京 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢: the two leaders signed a 15-year deal worth $400 billion.';
const exact = 'signed a 15-year deal';
const start16 = text.indexOf(exact);

const article: Article = {
  id: '6f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f',
  url: 'https://example.com/world/sco-summit',
  title: 'Summit',
  site: 'Example',
  note: '',
  tags: [],
  created: '2025-09-01T10:00:00.000Z',
  updated: '2025-09-01T10:00:00.000Z',
};
const annotation: Annotation = {
  id: '0a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  articleId: article.id,
  selectors: [
    { type: 'TextQuoteSelector', exact, prefix: text.slice(0, start16), suffix: text.slice(start16 + exact.length) },
    { type: 'TextPositionSelector', start: start16, end: start16 + exact.length, unit: 'utf16' },
  ],
  colour: 'green',
  note: 'the pipeline <b>deal</b>',
  tags: ['energy', 'Russia'],
  created: '2025-09-01T10:01:00.000Z',
  updated: '2025-09-01T10:02:00.000Z',
};
const tombstone: Annotation = { ...annotation, id: '1a4d3c2b-1e0f-4a9b-8c7d-6e5f4a3b2c1d', note: '', tags: [], deleted: '2025-09-02T00:00:00.000Z' };
const opts = { generated: '2026-11-25T18:00:00.000Z', collectionId: 'urn:uuid:00000000-0000-4000-8000-000000000000' };

describe('toAnnotationCollection', () => {
  const doc = JSON.parse(JSON.stringify(toAnnotationCollection([article], [annotation, tombstone], { ...opts, textFor: () => text }))) as unknown;

  it('validates against the W3C Web Annotation shapes', () => {
    const r = v.safeParse(W3CCollection, doc);
    expect(r.issues?.map((i) => `${i.path?.map((p) => p.key).join('.')}: ${i.message}`) ?? []).toEqual([]);
  });

  it('carries the note as a commenting body, tags as tagging bodies, colour as a style class, deletions apart', () => {
    const c = v.parse(W3CCollection, doc);
    expect(c.total).toBe(1);
    const item = c.first.items[0];
    expect(item?.motivation).toBe('commenting');
    expect(item?.body).toEqual([
      { type: 'TextualBody', value: 'the pipeline <b>deal</b>', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'energy', format: 'text/plain', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Russia', format: 'text/plain', purpose: 'tagging' },
    ]);
    expect(item?.target.styleClass).toBe('lede-green');
    expect(item?.stylesheet.value).toContain('.lede-green {');
    expect((doc as Record<string, Annotation[]>)['lede:deletedAnnotations']?.map((a) => a.id)).toEqual([tombstone.id]);
  });

  it('counts positions in code points, as the model says', () => {
    const pos = v.parse(W3CCollection, doc).first.items[0]?.target.selector.find((s) => s.type === 'TextPositionSelector');
    expect(pos).toBeDefined();
    const { start, end } = pos as { start: number; end: number };
    expect(start).toBeLessThan(start16);
    expect([...text].slice(start, end).join('')).toBe(exact);
  });

  it('leaves out a UTF-16 position it cannot convert rather than exporting a wrong one', () => {
    const noText = toAnnotationCollection([article], [annotation], opts);
    expect(noText.first.items[0]?.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    const stored = { ...annotation, selectors: [...annotation.selectors, { type: 'TextPositionSelector' as const, start: 7, end: 9, unit: 'codepoint' as const }] };
    const withCp = toAnnotationCollection([article], [stored], opts);
    expect(withCp.first.items[0]?.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 7, end: 9 });
  });

  it('omits the body of a plain highlight', () => {
    const plain = toAnnotationCollection([article], [{ ...annotation, note: '', tags: [] }], opts).first.items[0];
    expect(plain?.motivation).toBe('highlighting');
    expect(plain && 'body' in plain).toBe(false);
  });
});

describe('fromW3C: other annotators', () => {
  // In the spirit of the specification's examples and of what Hypothesis-style tools emit.
  const foreign = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/anno23',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2015-01-28T12:00:00Z',
    modified: '2015-01-29T09:00:00+01:00',
    body: [
      { type: 'TextualBody', value: 'Needs a source', purpose: 'commenting' },
      { type: 'TextualBody', value: ' Fact check ', purpose: 'tagging' },
      { type: 'TextualBody', value: 'fact check', purpose: 'tagging' },
      'http://example.org/linked-body',
    ],
    target: {
      source: 'https://www.example.com/world/sco-summit?utm_source=x',
      selector: [
        { type: 'FragmentSelector', value: 'para5' },
        { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some', refinedBy: { type: 'TextPositionSelector', start: 1, end: 2 } },
        { type: 'TextPositionSelector', start: 412, end: 421 },
      ],
    },
  };

  it('maps a single annotation: note, tidy tags, code point position, article by address', () => {
    const r = fromW3C(foreign, '2026-01-01T00:00:00.000Z');
    expect(r.format).toBe('w3c-jsonld');
    expect(r.skipped).toEqual([]);
    expect(r.articles).toEqual([
      expect.objectContaining({ url: 'https://example.com/world/sco-summit', site: 'example.com', created: '2015-01-28T12:00:00Z', updated: '2015-01-29T09:00:00+01:00' }),
    ]);
    expect(r.annotations).toEqual([
      expect.objectContaining({
        note: 'Needs a source',
        tags: ['Fact check'],
        colour: 'yellow',
        selectors: [
          { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
          { type: 'TextPositionSelector', start: 412, end: 421, unit: 'codepoint' },
        ],
      }),
    ]);
  });

  it('gives the same ids on a second read, so a re-import finds the same records', () => {
    const a = fromW3C(foreign, '2026-01-01T00:00:00.000Z');
    const b = fromW3C(foreign, '2027-01-01T00:00:00.000Z');
    expect(a.annotations).toEqual(b.annotations);
    expect(a.articles).toEqual(b.articles);
  });

  it('reads pages, collections with an embedded first page or items, arrays and bodyValue', () => {
    const simple = { type: 'Annotation', bodyValue: 'plain note', target: { source: 'https://example.com/x', selector: { type: 'TextQuoteSelector', exact: 'x' } } };
    const now = '2026-01-01T00:00:00.000Z';
    expect(fromW3C({ type: 'AnnotationPage', items: [simple] }, now).annotations).toHaveLength(1);
    expect(fromW3C({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [simple, foreign] } }, now).annotations).toHaveLength(2);
    expect(fromW3C({ type: ['AnnotationCollection'], items: [simple] }, now).annotations).toHaveLength(1);
    expect(fromW3C([simple], now).annotations).toEqual([expect.objectContaining({ note: 'plain note', created: now, updated: now })]);
  });

  it('skips what Lede cannot anchor, with a reason, and refuses collections whose pages are elsewhere', () => {
    const now = '2026-01-01T00:00:00.000Z';
    const bookmark = { id: 'urn:x:1', type: 'Annotation', motivation: 'bookmarking', target: 'https://example.com/page' };
    const image = { id: 'urn:x:2', type: 'Annotation', target: { source: 'https://example.com/p.jpg', selector: { type: 'FragmentSelector', value: 'xywh=1,2,3,4' } } };
    const r = fromW3C({ type: 'AnnotationPage', items: [bookmark, image] }, now);
    expect(r.annotations).toEqual([]);
    expect(r.skipped).toEqual([
      { id: 'urn:x:1', kind: 'annotation', reason: 'Skipped: it points at a whole page or resource, not a passage of text.' },
      { id: 'urn:x:2', kind: 'annotation', reason: 'Skipped: it has no text quote to find the passage by.' },
    ]);
    expect(() => fromW3C({ type: 'AnnotationCollection', first: 'https://example.com/page1' }, now)).toThrow(/not in the file/);
    expect(() => fromW3C({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [], next: 'p2' } }, now)).toThrow(/more pages/);
  });
});

// fast-check generators for whole libraries: Unicode everywhere, empty and very long
// notes, text that looks like HTML, tombstones, both position units, the names articles mention.
import fc from 'fast-check';
import { ENTITY_TYPES, HIGHLIGHT_COLOURS, type Annotation, type Article, type ArticleEntity, type Selector } from '../lib/model/types';

const hostile = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '=HYPERLINK("http://evil.example","x")',
  '"quoted", with commas\r\nand lines',
  '# not a heading *not bold* [not](a link) `code` | pipe',
  '👩🏽‍⚖️ 北京 Путин ﷽ e\u0301',
  '&amp; &lt;b&gt;',
);

/** Any text a reader or a page could produce, from empty to very long. */
export const anyText = (maxLength = 60, veryLong = false): fc.Arbitrary<string> => {
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constant('') },
  ];
  // Notes of tens of thousands of characters, up to a couple of hundred thousand.
  if (veryLong) options.push({ weight: 1, arbitrary: fc.tuple(hostile, fc.integer({ min: 500, max: 5000 })).map(([s, n]) => s.repeat(n)) });
  return fc.oneof(...options);
};

const nonEmpty = (max: number) => fc.string({ unit: 'binary', minLength: 1, maxLength: max });

export const isoTime = fc
  .integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') })
  .map((t) => new Date(t).toISOString());

const uuid = fc.uuid({ version: 4 });

const selectors: fc.Arbitrary<Selector[]> = fc
  .record({
    exact: fc.oneof(nonEmpty(80), hostile),
    prefix: anyText(40),
    suffix: anyText(40),
    start: fc.nat({ max: 1_000_000 }),
    length: fc.nat({ max: 5000 }),
    units: fc.subarray(['utf16', 'codepoint'] as const),
    positionsFirst: fc.boolean(),
  })
  .map(({ exact, prefix, suffix, start, length, units, positionsFirst }) => {
    const quote: Selector = { type: 'TextQuoteSelector', exact, prefix, suffix };
    const positions = units.map((unit): Selector => ({ type: 'TextPositionSelector', start, end: start + length, unit }));
    return positionsFirst ? [...positions, quote] : [quote, ...positions];
  });

const tags = fc.array(fc.oneof(nonEmpty(30), hostile), { maxLength: 4 });

const entities: fc.Arbitrary<ArticleEntity[]> = fc.array(
  fc.record({
    type: fc.constantFrom(...ENTITY_TYPES),
    key: fc.oneof(nonEmpty(40), hostile),
    label: fc.oneof(nonEmpty(40), hostile),
    count: fc.integer({ min: 1, max: 500 }),
  }),
  { maxLength: 5 },
);

function withOptional<T extends object>(base: fc.Arbitrary<T>, extra: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<T> {
  const keys = Object.keys(extra);
  return fc.tuple(base, fc.record(extra, { requiredKeys: [] })).map(([b, e]) => {
    const out: Record<string, unknown> = { ...(b as Record<string, unknown>) };
    const optional = e as Partial<Record<string, unknown>>;
    for (const k of keys) if (optional[k] !== undefined) out[k] = optional[k];
    return out as T;
  });
}

export const libraryArb: fc.Arbitrary<{ articles: Article[]; annotations: Annotation[] }> = fc
  .uniqueArray(uuid, { minLength: 1, maxLength: 4 })
  .chain((articleIds) =>
    fc.tuple(
      fc.tuple(
        ...articleIds.map((id, i) =>
          withOptional(
            fc.record({
              id: fc.constant(id),
              url: fc.string({ unit: 'binary', maxLength: 20 }).map((p) => `https://example.com/${i}/${encodeURIComponent(p)}`),
              title: anyText(),
              site: anyText(20),
              note: anyText(200, true),
              tags,
              created: isoTime,
              updated: isoTime,
            }),
            { byline: anyText(30), published: fc.oneof(isoTime, fc.constant('2025-09-01')), deleted: isoTime, entities },
          ),
        ),
      ),
      fc.uniqueArray(uuid, { maxLength: 8 }).chain((annIds) =>
        fc.tuple(
          ...annIds.map((id) =>
            withOptional(
              fc.record({
                id: fc.constant(id),
                articleId: fc.constantFrom(...articleIds),
                selectors,
                colour: fc.constantFrom(...HIGHLIGHT_COLOURS),
                note: anyText(300, true),
                tags,
                created: isoTime,
                updated: isoTime,
              }),
              { deleted: isoTime },
            ),
          ),
        ),
      ),
    ),
  )
  .map(([articles, annotations]) => ({ articles: articles as Article[], annotations: annotations as Annotation[] }));

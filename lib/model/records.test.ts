import { describe, expect, it } from 'vitest';
import { isUuid, newId, stableIdFrom } from './ids';
import { compareTimes, InvalidRecordError, newAnnotation, newArticle, normaliseTags } from './records';

describe('ids', () => {
  it('makes random v4 UUIDs and stable ones for foreign ids', () => {
    const a = newId();
    expect(isUuid(a)).toBe(true);
    expect(a).not.toBe(newId());
    expect(newId({ randomUUID: () => '00000000-0000-4000-8000-000000000001' })).toBe('00000000-0000-4000-8000-000000000001');
    const s = stableIdFrom('http://example.org/anno1');
    expect(isUuid(s)).toBe(true);
    expect(stableIdFrom('http://example.org/anno1')).toBe(s);
    expect(stableIdFrom('http://example.org/anno2')).not.toBe(s);
    expect(stableIdFrom('6F1C2B9E-8A7D-4C3B-9E2F-1A2B3C4D5E6F')).toBe('6f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f');
    const many = new Set(Array.from({ length: 20000 }, (_, i) => stableIdFrom(`urn:x:${i}`)));
    expect(many.size).toBe(20000);
  });
});

describe('records', () => {
  it('builds articles with tidy metadata and no empty optional fields', () => {
    const a = newArticle({ url: 'https://example.com/a', title: '  Big\n news ', site: 'Ex', byline: '   ' }, '2026-01-01T00:00:00.000Z');
    expect(a).toMatchObject({ title: 'Big news', site: 'Ex', note: '', tags: [], created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z' });
    expect('byline' in a).toBe(false);
  });

  it('refuses annotations without a quote, with a message saying so', () => {
    expect(() => newAnnotation({ articleId: newId(), selectors: [] }, '2026-01-01T00:00:00.000Z')).toThrow(InvalidRecordError);
    expect(() => newAnnotation({ articleId: 'not-a-uuid', selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }] }, '2026-01-01T00:00:00.000Z')).toThrow(/articleId: an id must be a UUID/);
  });

  it('tidies tags and orders times by instant', () => {
    expect(normaliseTags([' a ', 'A', 'b  c', '', 'B C'])).toEqual(['a', 'b c']);
    expect(compareTimes('2026-01-01T01:00:00+01:00', '2026-01-01T00:30:00Z')).toBeLessThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { articleIdentity, normaliseUrl } from './url';

describe('normaliseUrl', () => {
  it('drops the fragment and tracking parameters and sorts the rest', () => {
    expect(
      normaliseUrl('https://WWW.Example.com/news/story?utm_source=nl&b=2&fbclid=x&a=1&gclid=y&mc_cid=1&mc_eid=2#comments'),
    ).toBe('https://example.com/news/story?a=1&b=2');
  });

  it('treats the New York Times share variants as one article', () => {
    const forms = [
      'https://www.nytimes.com/2025/09/01/world/asia/xi-putin-sco.html',
      'https://www.nytimes.com/2025/09/01/world/asia/xi-putin-sco.html?_r=0',
      'https://www.nytimes.com/2025/09/01/world/asia/xi-putin-sco.html?smid=tw-share&ref=nyt',
      'https://mobile.nytimes.com/2025/09/01/world/asia/xi-putin-sco.html',
      'https://m.nytimes.com/2025/09/01/world/asia/xi-putin-sco.html#story-continues-2',
    ];
    const keys = new Set(forms.map(normaliseUrl));
    expect(keys.size).toBe(1);
  });

  it('undoes AMP paths, hosts, parameters and the AMP cache', () => {
    const plain = normaliseUrl('https://www.theguardian.com/world/2025/sep/01/sco-summit');
    expect(normaliseUrl('https://amp.theguardian.com/world/2025/sep/01/sco-summit')).toBe(plain);
    expect(normaliseUrl('https://www.theguardian.com/world/2025/sep/01/sco-summit/amp')).toBe(plain);
    expect(normaliseUrl('https://www.theguardian.com/amp/world/2025/sep/01/sco-summit')).toBe(plain);
    expect(normaliseUrl('https://www.theguardian.com/world/2025/sep/01/sco-summit?amp')).toBe(plain);
    expect(normaliseUrl('https://www.theguardian.com/world/2025/sep/01/sco-summit?outputType=amp')).toBe(plain);
    expect(normaliseUrl('https://www.theguardian.com/world/2025/sep/01/sco-summit.amp')).toBe(plain);
    expect(
      normaliseUrl('https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/world/2025/sep/01/sco-summit'),
    ).toBe(plain);
    expect(normaliseUrl('https://example.com/story.amp.html')).toBe('https://example.com/story.html');
  });

  it('keeps parameters that pick the article and words that merely contain "amp"', () => {
    expect(normaliseUrl('https://example.com/article.php?id=42&utm_medium=email')).toBe('https://example.com/article.php?id=42');
    expect(normaliseUrl('https://example.com/ampersand/camping')).toBe('https://example.com/ampersand/camping');
    expect(normaliseUrl('https://example.com/article.php?id=42')).not.toBe(normaliseUrl('https://example.com/article.php?id=43'));
    expect(normaliseUrl('https://example.com/?outputType=print')).toBe('https://example.com/?outputType=print');
  });

  it('has one trailing-slash rule and keeps the path case', () => {
    expect(normaliseUrl('https://example.com/News/Story/')).toBe('https://example.com/News/Story');
    expect(normaliseUrl('https://example.com')).toBe('https://example.com/');
    expect(normaliseUrl('https://example.com/')).toBe('https://example.com/');
  });

  it('does not strip a host down to its top-level domain', () => {
    expect(normaliseUrl('https://m.co/x')).toBe('https://m.co/x');
    expect(normaliseUrl('https://www.m.example.org/x')).toBe('https://example.org/x');
  });

  it('returns non-URLs trimmed and leaves other schemes alone except the fragment', () => {
    expect(normaliseUrl('  not a url ')).toBe('not a url');
    expect(normaliseUrl('file:///tmp/a.html#x')).toBe('file:///tmp/a.html');
  });

  it('is idempotent', () => {
    const samples = [
      'https://m.example.com/a/b/?z=1&utm_campaign=x&a=2#f',
      'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/x/amp?amp=1',
      'http://EXAMPLE.com:80/Path/',
    ];
    for (const s of samples) expect(normaliseUrl(normaliseUrl(s))).toBe(normaliseUrl(s));
  });
});

describe('articleIdentity', () => {
  it('prefers rel=canonical over og:url, citation metadata and the address bar', () => {
    expect(
      articleIdentity({
        url: 'https://m.example.com/s/123?utm_source=x',
        canonical: 'https://www.example.com/politics/summit-123',
        ogUrl: 'https://example.com/og',
        citationUrl: 'https://example.com/cite',
      }),
    ).toEqual({ url: 'https://example.com/politics/summit-123', source: 'canonical' });
    expect(articleIdentity({ url: 'https://example.com/s/1', ogUrl: 'https://example.com/og/1', citationUrl: 'https://example.com/c' }))
      .toEqual({ url: 'https://example.com/og/1', source: 'og:url' });
    expect(articleIdentity({ url: 'https://example.com/s/1', citationUrl: 'https://example.com/doi/1' }))
      .toEqual({ url: 'https://example.com/doi/1', source: 'citation' });
    expect(articleIdentity({ url: 'https://example.com/s/1?fbclid=9' })).toEqual({ url: 'https://example.com/s/1', source: 'url' });
  });

  it('merges a redirected, AMP and tracked visit of the same story via its declarations', () => {
    const a = articleIdentity({ url: 'https://amp.example.com/story/amp', canonical: 'https://www.example.com/story' });
    const b = articleIdentity({ url: 'https://example.com/story?utm_source=tw&_r=0', ogUrl: 'https://example.com/story/' });
    const c = articleIdentity({ url: 'https://news.example.net/r/abc', canonical: '/story', ogUrl: null });
    expect(a.url).toBe(b.url);
    expect(c.url).toBe('https://news.example.net/story');
  });

  it('resolves a relative canonical and ignores one that points at the home page', () => {
    expect(articleIdentity({ url: 'https://example.com/a/story', canonical: '../other' }).url).toBe('https://example.com/other');
    expect(articleIdentity({ url: 'https://example.com/a/story', canonical: 'https://example.com/' }))
      .toEqual({ url: 'https://example.com/a/story', source: 'url' });
    expect(articleIdentity({ url: 'https://example.com/a/story', canonical: 'javascript:alert(1)', ogUrl: '  ' }).source).toBe('url');
  });
});

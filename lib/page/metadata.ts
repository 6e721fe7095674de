// Article metadata from what the page declares: JSON-LD (schema.org), Open Graph and
// Twitter cards, Dublin Core, Highwire/Google Scholar citation tags, <link rel=canonical>,
// and as a last resort the DOM (<title>, <html lang>, byline elements). Declared data first,
// because it is what the publisher meant; the DOM only fills gaps. Read-only.

export interface PageMetadata {
  title: string;
  siteName: string | null;
  byline: string | null;
  /** As the page gives it (ISO date or date-time, sometimes other formats). */
  published: string | null;
  /** BCP 47 tag as declared, e.g. "en-GB". */
  lang: string | null;
  /** Absolute canonical URL when declared, else the page URL without its fragment. */
  canonicalUrl: string;
  excerpt: string | null;
}

const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle|Report|WebPage|MedicalWebPage|Review)$/;

type Json = Record<string, unknown>;

export function readMetadata(doc: Document, url: string): PageMetadata {
  const meta = collectMeta(doc);
  const ld = findJsonLdArticle(doc);
  const m = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = meta.get(k);
      if (v) return v;
    }
    return null;
  };

  const siteName = str(ldName(ld?.publisher)) ?? m('og:site_name', 'application-name', 'al:ios:app_name', 'citation_journal_title');
  const declaredTitle = str(ld?.headline) ?? str(ld?.name) ?? m('og:title', 'twitter:title', 'citation_title', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title');
  const title = clean(declaredTitle ?? titleFromDocument(doc, siteName));

  let byline = authorsOf(ld?.author) ?? m('citation_author', 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl');
  // The visible byline beats article:author, which is often a profile URL or stale.
  byline ??= bylineFromDom(doc);
  if (!byline) {
    const articleAuthor = m('article:author');
    if (articleAuthor && !/^https?:/i.test(articleAuthor)) byline = articleAuthor;
  }

  const published =
    str(ld?.datePublished) ??
    m('article:published_time', 'citation_publication_date', 'citation_date', 'citation_online_date', 'parsely-pub-date', 'dc.date', 'dcterms.date', 'dc.date.issued', 'date', 'pubdate', 'publish-date', 'sailthru.date') ??
    timeFromDom(doc);

  const lang =
    clean(doc.documentElement?.getAttribute('lang') ?? '') ||
    m('content-language', 'dc.language', 'citation_language') ||
    (m('og:locale')?.replace('_', '-') ?? null);

  const canonicalUrl = absolute(
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ??
      m('og:url', 'citation_public_url', 'citation_abstract_html_url', 'citation_fulltext_html_url') ??
      str(ld?.url) ??
      str(idOf(ld?.mainEntityOfPage)),
    url,
  );

  const excerpt = m('og:description', 'description', 'twitter:description', 'dc.description') ?? str(ld?.description);

  return {
    title,
    siteName: siteName ? clean(siteName) : null,
    byline: byline ? clean(byline) : null,
    published: published ? published.trim() : null,
    lang: lang || null,
    canonicalUrl,
    excerpt: excerpt ? clean(excerpt) : null,
  };
}

/** All <meta> values by lower-cased name/property/http-equiv/itemprop; the first one wins. */
function collectMeta(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (!content || !content.trim()) continue;
    const keys = [el.getAttribute('property'), el.getAttribute('name'), el.getAttribute('http-equiv'), el.getAttribute('itemprop')];
    for (const raw of keys) {
      if (!raw) continue;
      // `property` may hold several space-separated names.
      for (const k of raw.toLowerCase().split(/\s+/)) if (k && !out.has(k)) out.set(k, content.trim());
    }
  }
  return out;
}

function findJsonLdArticle(doc: Document): Json | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      // Some sites wrap JSON-LD in CDATA markers.
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const found = searchLd(data, 0);
    if (found) return found;
  }
  return null;
}

function searchLd(node: unknown, depth: number): Json | null {
  if (depth > 4 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = searchLd(n, depth + 1);
      if (f) return f;
    }
    return null;
  }
  const obj = node as Json;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)) && (obj.headline || obj.name)) return obj;
  return searchLd(obj['@graph'], depth + 1);
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  return null;
}

function ldName(v: unknown): string | null {
  if (Array.isArray(v)) return ldName(v[0]);
  if (v && typeof v === 'object') return str((v as Json).name);
  return str(v);
}

function idOf(v: unknown): string | null {
  if (v && typeof v === 'object') return str((v as Json)['@id']);
  return str(v);
}

function authorsOf(v: unknown): string | null {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  const names: string[] = [];
  for (const a of list) {
    const n = ldName(a);
    if (n && !/^https?:/i.test(n)) names.push(n);
  }
  return names.length ? names.join(', ') : null;
}

const TITLE_SEPARATORS = /\s+[|\-–—\\/>»:]\s+/;

/** <title> without the site's name tacked on ("Story – Site"), when the split is clear. */
function titleFromDocument(doc: Document, siteName: string | null): string {
  const raw = clean(doc.title ?? '');
  const parts = raw.split(TITLE_SEPARATORS);
  if (parts.length < 2) return raw;
  const lower = siteName?.toLowerCase();
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (lower && last.toLowerCase().includes(lower)) return raw.slice(0, raw.lastIndexOf(last)).replace(/\s+[|\-–—\\/>»:]\s*$/, '').trim();
  if (lower && first.toLowerCase().includes(lower)) return raw.slice(first.length).replace(/^\s*[|\-–—\\/>»:]\s+/, '').trim();
  // No site name to go by: drop a short trailing segment if the rest is a real title.
  const head = raw.slice(0, raw.lastIndexOf(last)).replace(/\s+[|\-–—\\/>»:]\s*$/, '').trim();
  return last.split(/\s+/).length <= 3 && head.split(/\s+/).length >= 4 ? head : raw;
}

// Most specific first; each may match empty or oversized boxes (author bios), so we try a few.
const BYLINE_SELECTORS = ['[rel="author"]', '[itemprop~="author"] [itemprop~="name"]', '[itemprop~="author"]', '.byline', '[class*="byline"]', '.author'];

function bylineFromDom(doc: Document): string | null {
  for (const sel of BYLINE_SELECTORS) {
    for (const el of Array.from(doc.querySelectorAll(sel)).slice(0, 5)) {
      const text = clean(el.textContent ?? '').replace(/^by:?\s+/i, '');
      if (text && text.length < 100) return text;
    }
  }
  return null;
}

function timeFromDom(doc: Document): string | null {
  const t = doc.querySelector('article time[datetime], time[pubdate][datetime], [itemprop~="datePublished"]');
  return t?.getAttribute('datetime') ?? t?.getAttribute('content') ?? null;
}

function absolute(href: string | null, base: string): string {
  const fallback = stripFragment(base);
  if (!href) return fallback;
  try {
    return stripFragment(new URL(href.trim(), base).href);
  } catch {
    return fallback;
  }
}

function stripFragment(u: string): string {
  const i = u.indexOf('#');
  return i >= 0 ? u.slice(0, i) : u;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

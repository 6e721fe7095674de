// Article identity by URL: the same article reached through a newsletter link, a
// social share, an AMP page or the mobile site must land on one library record.

/** Query parameters that only say how the reader arrived, never which article it is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid',
  'mc_cid', 'mc_eid', '_r', 'smid', 'smtyp', 'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'ocid',
  'icid', 'ito', 'mbid', 'xtor', 'sr_share', 'share', 'amp', 'rss', 'via', 'taid', 'cmp', 'ncid',
  '_ga', '_gl', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 's_cid', 'wt.mc_id', 'at_medium',
  'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 'ns_mchannel', 'ns_source',
  'ns_campaign', 'ns_linkname', 'ns_fee', 'pd', 'partner', 'ss_source', 'ss_campaign',
  '__twitter_impression', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'hsenc', '_hsenc', '_hsmi', 'mkt_tok',
]);

/** Host prefixes that serve the same articles as the bare host. */
const ALIAS_HOST_PREFIXES = ['www.', 'm.', 'mobile.', 'amp.'];

function isTrackingParam(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (k.startsWith('utm_') || k.startsWith('pk_') || k.startsWith('mtm_')) return true;
  if (k === 'outputtype') return value.toLowerCase() === 'amp';
  return TRACKING_PARAMS.has(k);
}

function stripAliasHost(host: string): string {
  let h = host;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of ALIAS_HOST_PREFIXES) {
      // Keep at least "name.tld": "m.co" is a site, not the mobile alias of "co".
      if (h.startsWith(p) && h.slice(p.length).includes('.')) {
        h = h.slice(p.length);
        changed = true;
      }
    }
  }
  return h;
}

/** Google's AMP cache serves https://www.example.com/x at https://www-example-com.cdn.ampproject.org/c/s/www.example.com/x. */
function unwrapAmpCache(u: URL): URL {
  if (!u.hostname.endsWith('.cdn.ampproject.org')) return u;
  const m = /^\/[a-z]\/(s\/)?(.+)$/.exec(u.pathname);
  if (!m || !m[2]) return u;
  try {
    return new URL(`${m[1] ? 'https' : 'http'}://${m[2]}${u.search}`);
  } catch {
    return u;
  }
}

function stripAmpPath(path: string): string {
  let p = path;
  p = p.replace(/\/amp(?=\/|$)/gi, '');
  p = p.replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '');
  p = p.replace(/\.amp(?=\/)/gi, '');
  return p === '' ? '/' : p;
}

/**
 * The identity form of a URL: lower-case host without www/m/mobile/amp aliases, no
 * fragment, no tracking or AMP parameters, the rest sorted, AMP paths undone, no
 * trailing slash (except the root). Strings that are not absolute URLs come back trimmed.
 */
export function normaliseUrl(raw: string): string {
  const trimmed = raw.trim();
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    u.hash = '';
    return u.href;
  }
  u = unwrapAmpCache(u);
  u.hash = '';
  u.username = '';
  u.password = '';
  u.hostname = stripAliasHost(u.hostname.toLowerCase().replace(/\.$/, ''));

  const kept: [string, string][] = [];
  for (const [k, v] of u.searchParams) if (!isTrackingParam(k, v)) kept.push([k, v]);
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const search = new URLSearchParams(kept).toString();

  let path = stripAmpPath(u.pathname);
  if (path.length > 1) path = path.replace(/\/+$/, '') || '/';

  return `${u.protocol}//${u.host}${path}${search ? `?${search}` : ''}`;
}

export interface IdentityInput {
  /** The address the tab shows (after redirects). */
  url: string;
  /** `<link rel=canonical href>` */
  canonical?: string | null;
  /** `<meta property=og:url content>` */
  ogUrl?: string | null;
  /** `<meta name=citation_public_url|citation_fulltext_html_url|citation_abstract_html_url content>` */
  citationUrl?: string | null;
}

export type IdentitySource = 'canonical' | 'og:url' | 'citation' | 'url';

export interface ArticleIdentity {
  url: string;
  source: IdentitySource;
}

function resolveHttp(candidate: string | null | undefined, base: string): URL | null {
  if (!candidate || !candidate.trim()) return null;
  let u: URL;
  try {
    u = new URL(candidate.trim());
  } catch {
    try {
      u = new URL(candidate.trim(), base);
    } catch {
      return null;
    }
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
}

function isRootPath(u: URL): boolean {
  return u.pathname === '/' || u.pathname === '';
}

/**
 * The URL that names this article: the page's own declarations (canonical, og:url,
 * citation metadata) before the address bar, normalised. A declaration pointing at
 * the site's home page while the reader is on a deeper page is a common template
 * mistake and is ignored, otherwise every article of that site would merge into one.
 */
export function articleIdentity(input: IdentityInput): ArticleIdentity {
  const page = resolveHttp(input.url, 'http://invalid.invalid/');
  const pageIsDeep = page !== null && !isRootPath(page);
  const candidates: [IdentitySource, string | null | undefined][] = [
    ['canonical', input.canonical],
    ['og:url', input.ogUrl],
    ['citation', input.citationUrl],
  ];
  for (const [source, value] of candidates) {
    const u = resolveHttp(value, input.url);
    if (!u) continue;
    if (pageIsDeep && isRootPath(u) && !u.search) continue;
    return { url: normaliseUrl(u.href), source };
  }
  return { url: normaliseUrl(input.url), source: 'url' };
}

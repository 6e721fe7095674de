// Reader settings for marks: which types are shown, sites where Lede is off, the colour scheme.
// Stored in extension storage by ext/settings.ts; this module holds the shape and its rules.
import { COLOUR_SCHEMES, DEFAULT_SCHEME, type ColourScheme } from './palette';
import { MARK_TYPES, type MarkType } from './types';

export interface Settings {
  types: Record<MarkType, boolean>;
  /** Host names (lower case, without "www.") where Lede stays off. */
  disabledSites: string[];
  scheme: ColourScheme;
}

export const DEFAULT_SETTINGS: Settings = {
  types: Object.fromEntries(MARK_TYPES.map((type) => [type, true])) as Record<MarkType, boolean>,
  disabledSites: [],
  scheme: DEFAULT_SCHEME,
};

/** Settings as stored may be partial, old or tampered with: keep what is valid, default the rest. */
export function normaliseSettings(stored: unknown): Settings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof Settings, unknown>>;
  const types = { ...DEFAULT_SETTINGS.types };
  if (raw.types && typeof raw.types === 'object') {
    for (const type of MARK_TYPES) {
      const value = (raw.types as Record<string, unknown>)[type];
      if (typeof value === 'boolean') types[type] = value;
    }
  }
  const disabledSites = Array.isArray(raw.disabledSites)
    ? [...new Set(raw.disabledSites.filter((s): s is string => typeof s === 'string').map(siteKey))]
    : [];
  const scheme = COLOUR_SCHEMES.includes(raw.scheme as ColourScheme) ? (raw.scheme as ColourScheme) : DEFAULT_SETTINGS.scheme;
  return { types, disabledSites, scheme };
}

/** The key a site is switched off under: its host name, lower case, without a leading "www.". */
export function siteKey(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase();
  try {
    if (host.includes('://')) host = new URL(host).hostname;
  } catch {
    // not a URL: take it as a host name
  }
  return host.replace(/^www\./, '');
}

export function isSiteDisabled(settings: Settings, url: string): boolean {
  return settings.disabledSites.includes(siteKey(url));
}

export function withSite(settings: Settings, url: string, enabled: boolean): Settings {
  const key = siteKey(url);
  const others = settings.disabledSites.filter((site) => site !== key);
  return { ...settings, disabledSites: enabled ? others : [...others, key] };
}

import { describe, expect, it } from 'vitest';
import { markStyleSheet } from './palette';
import { DEFAULT_SETTINGS, isSiteDisabled, normaliseSettings, withSite } from './settings';
import { MARK_TYPES, markTypeOf } from './types';

describe('settings', () => {
  it('keeps valid stored values and defaults the rest', () => {
    const settings = normaliseSettings({ types: { person: false, money: 'no' }, scheme: 'neon', disabledSites: ['WWW.Example.com', 3] });
    expect(settings.types.person).toBe(false);
    expect(settings.types.money).toBe(true);
    expect(settings.scheme).toBe('colour-blind-safe');
    expect(settings.disabledSites).toEqual(['example.com']);
  });

  it('treats garbage as the defaults', () => {
    expect(normaliseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings('x')).toEqual(DEFAULT_SETTINGS);
  });

  it('switches a site off and on by host, ignoring www and path', () => {
    const off = withSite(DEFAULT_SETTINGS, 'https://www.bbc.co.uk/news/world-123', false);
    expect(isSiteDisabled(off, 'https://bbc.co.uk/other')).toBe(true);
    expect(isSiteDisabled(off, 'https://cnn.com/')).toBe(false);
    expect(isSiteDisabled(withSite(off, 'https://bbc.co.uk/', true), 'https://www.bbc.co.uk/')).toBe(false);
  });
});

describe('marks', () => {
  it('maps extractor types to mark types', () => {
    expect(markTypeOf('PER')).toBe('person');
    expect(markTypeOf('LOC')).toBe('place');
    expect(markTypeOf('ORDINAL')).toBe('number');
    expect(markTypeOf('TIME')).toBe('date');
    expect(markTypeOf('SOMETHING')).toBe('other');
  });

  it('gives every mark type its own underline style or colour in every scheme', () => {
    for (const scheme of ['colour-blind-safe', 'high-contrast', 'underline-only'] as const) {
      const rules = markStyleSheet(scheme).split('\n');
      expect(rules).toHaveLength(MARK_TYPES.length);
      const looks = rules.map((rule) => rule.replace(/^::highlight\([^)]*\)/, ''));
      expect(new Set(looks).size).toBe(MARK_TYPES.length);
    }
  });
});

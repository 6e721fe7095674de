import { describe, expect, it } from 'vitest';
import { poolScores, scoreBody, words } from './metrics.ts';

describe('body metrics', () => {
  it('splits words on anything but letters, marks and digits, in any script', () => {
    expect(words('Übersetzung: für 10.10 — l’été, naïve „Zitat“ 東京')).toEqual(['übersetzung', 'für', '10', '10', 'l', 'été', 'naïve', 'zitat', '東京']);
  });

  it('counts coverage and inside-share over word multisets', () => {
    const s = scoreBody('the cat saw the dog', 'Menu the cat saw the dog the');
    expect(s.expectedWords).toBe(5);
    expect(s.detectedWords).toBe(7);
    expect(s.overlap).toBe(5); // the third "the" is not in the article
    expect(s.coverage).toBe(1);
    expect(s.insideShare).toBeCloseTo(5 / 7);
  });

  it('scores missing text as lost coverage, not lost inside-share', () => {
    const s = scoreBody('one two three four', 'one two');
    expect(s.coverage).toBe(0.5);
    expect(s.insideShare).toBe(1);
  });

  it('is zero, not NaN, for empty sides, and pools by words', () => {
    expect(scoreBody('', 'x').coverage).toBe(0);
    expect(scoreBody('x', '').insideShare).toBe(0);
    const pooled = poolScores([scoreBody('a b c d', 'a b c d'), scoreBody('e f', 'x y')]);
    expect(pooled.coverage).toBeCloseTo(4 / 6);
    expect(pooled.insideShare).toBeCloseTo(4 / 6);
  });
});

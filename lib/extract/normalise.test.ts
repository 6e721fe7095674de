import { describe, expect, it } from 'vitest';
import { normaliseFigure } from './normalise.ts';

describe('normaliseFigure', () => {
  it('reads money with scale words and currencies', () => {
    expect(normaliseFigure('MONEY', '244.8 billion U.S. dollars')).toMatchObject({ value: 244.8e9, currency: 'USD', unit: 'USD' });
    expect(normaliseFigure('MONEY', '$1.2bn')).toMatchObject({ value: 1.2e9, currency: 'USD' });
    expect(normaliseFigure('MONEY', '€3m')).toMatchObject({ value: 3e6, currency: 'EUR' });
    expect(normaliseFigure('MONEY', 'about $3 million')).toMatchObject({ value: 3e6, currency: 'USD', qualifier: 'about' });
    expect(normaliseFigure('MONEY', '£450,000')).toMatchObject({ value: 450000, currency: 'GBP' });
  });
  it('reads percentages and fractions', () => {
    expect(normaliseFigure('PERCENT', '15 per cent')).toMatchObject({ value: 15, unit: 'percent' });
    expect(normaliseFigure('PERCENT', 'nearly 3.5%')).toMatchObject({ value: 3.5, qualifier: 'nearly' });
    expect(normaliseFigure('CARDINAL', 'two-thirds').value).toBeCloseTo(2 / 3);
    expect(normaliseFigure('CARDINAL', 'a dozen').value).toBe(12);
  });
  it('reads a length of time written as a TIME, and a dated quarter as a date', () => {
    expect(normaliseFigure('TIME', '3.1 seconds')).toMatchObject({ value: 3.1, unit: 'second', kind: 'duration' });
    expect(normaliseFigure('TIME', '45 minutes')).toMatchObject({ value: 45, unit: 'minute', kind: 'duration' });
    expect(normaliseFigure('TIME', '7:30 p.m.').value).toBe('T19:30');
    // It was 30 quarters.
    expect(normaliseFigure('DATE', 'the quarter ended Sept. 30').value).toBe('--09-30');
  });
  it('gives vague amounts no number, and counts "a couple" as two', () => {
    // quanta-1: "a few years" read as one year.
    expect(normaliseFigure('DATE', 'a few years').value).toBeNull();
    expect(normaliseFigure('CARDINAL', 'several hundred').value).toBeNull();
    expect(normaliseFigure('CARDINAL', 'as many as 20', ' people').value).toBe(20);
    expect(normaliseFigure('DATE', 'a couple of years')).toMatchObject({ value: 2, unit: 'year' });
    expect(normaliseFigure('CARDINAL', 'two dozen').value).toBe(24);
  });
  it('reads counts with their qualifier and counted noun', () => {
    expect(normaliseFigure('CARDINAL', 'over 20', ' cooperation agreements, covering energy')).toEqual({ value: 20, unit: 'cooperation agreements', qualifier: 'more than' });
    expect(normaliseFigure('CARDINAL', 'five', ' guiding principles: sovereign equality')).toMatchObject({ value: 5, unit: 'guiding principles' });
    expect(normaliseFigure('CARDINAL', 'twenty-one', ' people died')).toMatchObject({ value: 21, unit: 'people' });
  });
  it('reads ordinals', () => {
    expect(normaliseFigure('ORDINAL', '80th').value).toBe(80);
    expect(normaliseFigure('ORDINAL', 'fourth').value).toBe(4);
    expect(normaliseFigure('ORDINAL', 'twenty-first').value).toBe(21);
  });
  it('reads dates as ISO partial dates', () => {
    expect(normaliseFigure('DATE', 'September 2').value).toBe('--09-02');
    expect(normaliseFigure('DATE', 'May').value).toBe('--05');
    expect(normaliseFigure('DATE', '2024').value).toBe('2024');
    expect(normaliseFigure('DATE', 'Sept. 2, 2025').value).toBe('2025-09-02');
    expect(normaliseFigure('DATE', 'March 2019').value).toBe('2019-03');
    expect(normaliseFigure('DATE', 'the 1990s').value).toBe('199X');
    expect(normaliseFigure('DATE', 'the third quarter').value).toBe('XXXX-Q3');
    expect(normaliseFigure('DATE', 'last Tuesday')).toMatchObject({ value: 'XXXX-WXX-2', qualifier: 'last' });
    expect(normaliseFigure('DATE', '2015-05-12').value).toBe('2015-05-12');
    // Month 13, day 40: a code shaped like a date is not read as one.
    expect(normaliseFigure('DATE', '2015-13-40').value).not.toBe('2015-13-40');
  });
  it('reads spans of time as durations', () => {
    expect(normaliseFigure('DATE', '15 consecutive years')).toEqual({ value: 15, unit: 'year', kind: 'duration' });
    expect(normaliseFigure('DATE', 'three days')).toMatchObject({ value: 3, unit: 'day', kind: 'duration' });
    expect(normaliseFigure('DATE', 'three years ago').kind).toBeUndefined();
  });
});

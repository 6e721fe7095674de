import { describe, expect, it } from 'vitest';
import { formatDateValue, formatFigure, formatNumber, ordinal } from './format';

describe('formatFigure', () => {
  it('spells money out with scale and currency', () => {
    expect(formatFigure({ type: 'MONEY', text: '244.8 billion U.S. dollars', value: 244.8e9, currency: 'USD' })).toBe(
      '244.8 billion US dollars',
    );
    expect(formatFigure({ type: 'MONEY', text: '€3m', value: 3e6, currency: 'EUR', qualifier: 'about' })).toBe('about 3 million euros');
  });

  it('keeps qualifier and unit of counts', () => {
    expect(formatFigure({ type: 'CARDINAL', text: 'over 20', value: 20, qualifier: 'more than', unit: 'cooperation agreements' })).toBe(
      'more than 20 cooperation agreements',
    );
    expect(formatFigure({ type: 'PERCENT', text: '15 per cent', value: 15 })).toBe('15%');
    expect(formatFigure({ type: 'ORDINAL', text: '80th', value: 80 })).toBe('80th');
  });

  it('spells durations with a plural unit', () => {
    expect(formatFigure({ type: 'DATE', text: '15 consecutive years', value: 15, unit: 'year', kind: 'duration' })).toBe('15 years');
    expect(formatFigure({ type: 'DATE', text: 'one day', value: 1, unit: 'days', kind: 'duration' })).toBe('1 day');
  });

  it('falls back to the text when there is no value', () => {
    expect(formatFigure({ type: 'DATE', text: 'recently', value: null })).toBe('recently');
  });
});

describe('formatDateValue', () => {
  it('reads full, partial and decade dates and durations', () => {
    expect(formatDateValue('2025-09-02')).toBe('2 September 2025');
    expect(formatDateValue('--09-02')).toBe('2 September');
    expect(formatDateValue('--05')).toBe('May');
    expect(formatDateValue('2024')).toBe('2024');
    expect(formatDateValue('P15Y')).toBe('15 years');
    expect(formatDateValue('P1D')).toBe('1 day');
    expect(formatDateValue('199X')).toBe('the 1990s');
  });

  it('reads times, quarters and weekdays as a reader writes them', () => {
    expect(formatDateValue('T19:30')).toBe('19:30');
    expect(formatDateValue('2024-Q3')).toBe('Q3 2024');
    expect(formatDateValue('XXXX-Q1')).toBe('Q1');
    expect(formatDateValue('XXXX-WXX-2')).toBe('Tuesday');
    expect(formatFigure({ type: 'DATE', text: 'last Tuesday', value: 'XXXX-WXX-2', qualifier: 'last' })).toBe('last Tuesday');
  });
});

describe('numbers', () => {
  it('groups thousands and scales large numbers', () => {
    expect(formatNumber(1500)).toBe('1,500');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(123456)).toBe('123,456');
    expect(formatNumber(-1234567.0)).toBe('-1.235 million');
    expect(formatNumber(-12345)).toBe('-12,345');
    expect(formatNumber(1.2e9)).toBe('1.2 billion');
    expect(ordinal(11)).toBe('11th');
    expect(ordinal(22)).toBe('22nd');
    expect(ordinal(103)).toBe('103rd');
  });
});

import { describe, expect, it } from 'vitest';
import { formatPublished } from './dates';

describe('formatPublished', () => {
  it('writes ISO dates and date-times as the calendar date the page gives', () => {
    expect(formatPublished('2025-09-02')).toBe('2 September 2025');
    expect(formatPublished('2025-09-02T23:30:00-08:00')).toBe('2 September 2025');
    expect(formatPublished('2025-09')).toBe('September 2025');
  });

  it('keeps free-text dates as written and drops empty ones', () => {
    expect(formatPublished(' Tuesday 2 Sept ')).toBe('Tuesday 2 Sept');
    expect(formatPublished('')).toBeUndefined();
    expect(formatPublished(undefined)).toBeUndefined();
    expect(formatPublished('2025-13-01')).toBe('2025-13-01');
  });
});

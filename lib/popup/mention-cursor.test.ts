import { describe, expect, it } from 'vitest';
import { MentionCursor } from './mention-cursor';

describe('MentionCursor', () => {
  const xi = [
    { start: 0, end: 10 },
    { start: 50, end: 52 },
    { start: 90, end: 92 },
  ];

  it('walks through a name’s mentions in order and wraps around', () => {
    const cursor = new MentionCursor();
    const starts = [1, 2, 3, 4].map(() => cursor.next('xi', xi)!.span.start);
    expect(starts).toEqual([0, 50, 90, 0]);
  });

  it('keeps a separate place for each name', () => {
    const cursor = new MentionCursor();
    cursor.next('xi', xi);
    expect(cursor.next('putin', [{ start: 5, end: 9 }])!.index).toBe(0);
    expect(cursor.next('xi', xi)!.index).toBe(1);
  });

  it('has nothing to show for a name without mentions', () => {
    expect(new MentionCursor().next('none', [])).toBeNull();
  });
});

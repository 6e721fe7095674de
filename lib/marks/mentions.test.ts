import { describe, expect, it } from 'vitest';
import { buildMarks } from './mentions';

describe('buildMarks', () => {
  it('groups short and long forms of one entity under the longest name', () => {
    const { marks, groups } = buildMarks(
      [
        { start: 30, end: 35, text: 'Putin', type: 'PER', key: 'Vladimir Putin' },
        { start: 0, end: 14, text: 'Vladimir Putin', type: 'PER', key: 'Vladimir Putin' },
        { start: 50, end: 56, text: 'Russia', type: 'LOC', key: 'Russia' },
      ],
      [{ start: 40, end: 45, text: '$3bn', type: 'MONEY', value: 3e9, currency: 'USD' }],
    );
    expect(marks.map((m) => m.start)).toEqual([0, 30, 40, 50]);
    const putin = groups.get('PER:Vladimir Putin')!;
    expect(putin.label).toBe('Vladimir Putin');
    expect(putin.marks.map((m) => m.start)).toEqual([0, 30]);
    expect(putin.type).toBe('person');
    const money = [...groups.values()].find((g) => g.type === 'money')!;
    expect(money.label).toBe('3 billion US dollars');
  });

  it('keeps the same name of different types apart', () => {
    const { groups } = buildMarks(
      [
        { start: 0, end: 6, text: 'Jordan', type: 'PER', key: 'Jordan' },
        { start: 10, end: 16, text: 'Jordan', type: 'LOC', key: 'Jordan' },
      ],
      [],
    );
    expect(groups.size).toBe(2);
  });
});

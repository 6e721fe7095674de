import { describe, expect, it } from 'vitest';
import { chartEntities, groupEntities } from './entity-groups';

const e = (label: string, type: string, count: number) => ({ key: label.toLowerCase(), label, type, count });

describe('groupEntities', () => {
  it('groups people, organisations, places and other names in that order, most mentioned first', () => {
    const groups = groupEntities([
      e('Moscow', 'LOC', 2),
      e('SCO', 'ORG', 3),
      e('Vladimir Putin', 'PER', 4),
      e('Xi Jinping', 'PER', 7),
      e('Chinese', 'MISC', 1),
      e('China', 'LOC', 9),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['People', 'Organisations', 'Places', 'Other']);
    expect(groups[0]!.entities.map((x) => x.label)).toEqual(['Xi Jinping', 'Vladimir Putin']);
    expect(groups[2]!.entities.map((x) => x.label)).toEqual(['China', 'Moscow']);
  });

  it('leaves out kinds the page has no names of, and files unknown types under other', () => {
    const groups = groupEntities([e('Beijing', 'LOC', 1), e('Thing', 'WIDGET', 2)]);
    expect(groups.map((g) => g.kind)).toEqual(['place', 'other']);
  });

  it('orders names with equal counts alphabetically so the list does not jump between renders', () => {
    const [people] = groupEntities([e('Zed', 'PER', 2), e('Abe', 'PER', 2)]);
    expect(people!.entities.map((x) => x.label)).toEqual(['Abe', 'Zed']);
  });
});

describe('chartEntities', () => {
  it('shows no chart for five names or fewer', () => {
    expect(chartEntities([1, 2, 3, 4, 5].map((n) => e(`N${n}`, 'PER', n)))).toEqual([]);
  });

  it('charts the ten most mentioned names when there are more than five', () => {
    const names = Array.from({ length: 14 }, (_, n) => e(`N${n}`, n % 2 ? 'PER' : 'LOC', n + 1));
    const chart = chartEntities(names);
    expect(chart).toHaveLength(10);
    expect(chart[0]!.label).toBe('N13');
    expect(chart.at(-1)!.label).toBe('N4');
  });
});

import { describe, expect, it } from 'vitest';
import { changedIds, versionsOf } from './changes';

describe('changed articles', () => {
  it('lists new, changed and vanished articles, not untouched ones', () => {
    const before = versionsOf([
      { id: 'a', updated: '1' },
      { id: 'b', updated: '1' },
      { id: 'c', updated: '1' },
    ]);
    const after = versionsOf([
      { id: 'a', updated: '1' },
      { id: 'b', updated: '2' },
      { id: 'd', updated: '1' },
    ]);
    expect(changedIds(before, after).sort()).toEqual(['b', 'c', 'd']);
    expect(changedIds(after, after)).toEqual([]);
  });
});

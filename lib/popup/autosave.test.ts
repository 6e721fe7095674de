import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type SaveStatus } from './autosave';

describe('createAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (initial = '') => {
    const saved: string[] = [];
    const statuses: SaveStatus[] = [];
    const autosave = createAutosave({
      initial,
      delayMs: 400,
      save: async (value) => void saved.push(value),
      onStatus: (s) => statuses.push(s),
    });
    return { autosave, saved, statuses };
  };

  it('saves once, with the last text, after the reader pauses', async () => {
    const { autosave, saved, statuses } = setup();
    autosave.change('N');
    autosave.change('No');
    autosave.change('Note');
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual(['Note']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('saves at once on flush (the popup is closing) and not again afterwards', async () => {
    const { autosave, saved } = setup();
    autosave.change('quick note');
    await autosave.flush();
    expect(saved).toEqual(['quick note']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['quick note']);
  });

  it('does not write back the text that is already stored', async () => {
    const { autosave, saved } = setup('stored');
    autosave.change('stored!');
    autosave.change('stored');
    await vi.advanceTimersByTimeAsync(1000);
    await autosave.flush();
    expect(saved).toEqual([]);
  });

  it('reports an error when saving fails, and tries again on the next change', async () => {
    let fail = true;
    const saved: string[] = [];
    const statuses: SaveStatus[] = [];
    const autosave = createAutosave({
      initial: '',
      save: async (value) => {
        if (fail) throw new Error('store unavailable');
        saved.push(value);
      },
      onStatus: (s) => statuses.push(s),
    });
    autosave.change('a');
    await autosave.flush();
    expect(statuses.at(-1)).toBe('error');
    fail = false;
    autosave.change('ab');
    await autosave.flush();
    expect(saved).toEqual(['ab']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('cancel drops a pending change', async () => {
    const { autosave, saved } = setup();
    autosave.change('draft');
    autosave.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    await autosave.flush();
    expect(saved).toEqual([]);
  });
});

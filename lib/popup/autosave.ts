// Saves text a moment after the reader stops typing, at once when asked (blur, popup closing),
// never twice for the same value, and reports where it stands so the reader can see it is safe.

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  save: (value: string) => Promise<unknown>;
  /** The value already stored, so that focusing and leaving does not write it again. */
  initial: string;
  delayMs?: number;
  onStatus?: (status: SaveStatus) => void;
  timers?: Timers;
}

export interface Autosave {
  /** The reader changed the text. */
  change(value: string): void;
  /** Saves any pending change now. */
  flush(): Promise<void>;
  /** Drops a pending change without saving (the editor is going away for good). */
  cancel(): void;
}

const DEFAULT_DELAY_MS = 400;

export function createAutosave(options: AutosaveOptions): Autosave {
  const timers: Timers = options.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const delay = options.delayMs ?? DEFAULT_DELAY_MS;
  let stored = options.initial;
  let latest = options.initial;
  let timer: unknown = null;
  // Saves run one after another so that an older value can never land after a newer one.
  let queue: Promise<void> = Promise.resolve();

  const report = (status: SaveStatus) => options.onStatus?.(status);

  const saveLatest = (): Promise<void> => {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
    queue = queue.then(async () => {
      const value = latest;
      if (value === stored) return;
      report('saving');
      try {
        await options.save(value);
        stored = value;
        report(latest === value ? 'saved' : 'pending');
      } catch {
        report('error');
      }
    });
    return queue;
  };

  return {
    change(value) {
      latest = value;
      if (timer !== null) timers.clearTimeout(timer);
      if (value === stored) {
        timer = null;
        return;
      }
      report('pending');
      timer = timers.setTimeout(() => {
        timer = null;
        void saveLatest();
      }, delay);
    },
    flush: saveLatest,
    cancel() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      latest = stored;
    },
  };
}

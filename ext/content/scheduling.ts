// Cooperative scheduling: our work runs in slices of a few milliseconds and yields between
// them, so that no task of ours comes near the 50 ms long-task mark.

/** How long one slice may run before it yields. */
export const SLICE_MS = 8;

/**
 * A `shouldStop` predicate that turns true once the slice's time is used up. The slice starts at
 * `from` (default now): pass the start of the current task, so that stages running back to back in
 * one task (the walk's last slice, scoring, the index's first slice) share one slice between them.
 */
export function sliceDeadline(win: Window, ms = SLICE_MS, from = win.performance.now()): () => boolean {
  const end = from + ms;
  return () => win.performance.now() >= end;
}

/** Gives the page a turn: scheduler.yield() where the browser has it, else a macrotask. */
export function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new (win as Window & typeof globalThis).MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

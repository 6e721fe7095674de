// Reader settings in extension storage; every open tab watches them and applies changes live.
import { browser } from 'wxt/browser';
import { normaliseSettings, type Settings } from '../lib/marks/settings';

const KEY = 'lede:settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normaliseSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: normaliseSettings(settings) });
}

/** Calls `onChange` with the new settings whenever any context saves them, until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(normaliseSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

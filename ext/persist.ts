// Asks the browser to keep Lede's storage out of eviction. Readers of other annotators have lost
// their notes when a browser under storage pressure cleared "best-effort" data. With the
// unlimitedStorage permission Chromium grants it; Firefox may ask the reader. Only a window
// context (an extension page) can ask, not the service worker.
export async function askForPersistentStorage(nav: Navigator): Promise<boolean> {
  try {
    if (!nav.storage?.persist) return false;
    return (await nav.storage.persisted()) || (await nav.storage.persist());
  } catch {
    return false;
  }
}

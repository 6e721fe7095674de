// The reader's per-site off switch as the background keeps it. A content script reads the page
// while its own copy of the settings is still loading and may send the article before they say
// the site is off; the background then answers without reading the text.
import { DEFAULT_SETTINGS, isSiteDisabled, type Settings } from '../../lib/marks/settings';
import { loadSettings, watchSettings } from '../settings';

export class SiteSwitch {
  private settings: Settings | null = null;
  private readonly loading: Promise<Settings>;

  constructor(signal: AbortSignal = new AbortController().signal) {
    // A change that arrives before the first read is newer than it.
    watchSettings((next) => (this.settings = next), signal);
    this.loading = loadSettings()
      .catch(() => DEFAULT_SETTINGS)
      .then((loaded) => (this.settings ??= loaded));
  }

  /** Whether Lede is off for the page at `url`; a promise only until the settings have loaded. */
  isOff(url: string | undefined): boolean | Promise<boolean> {
    if (!url) return false;
    if (this.settings) return isSiteDisabled(this.settings, url);
    return this.loading.then((settings) => isSiteDisabled(settings, url));
  }
}

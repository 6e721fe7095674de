import { browser } from 'wxt/browser';
import { background } from '../../ext/messages';

export default defineBackground(() => {
  background.onMessage('ping', () => ({ version: browser.runtime.getManifest().version, now: Date.now() }));
});

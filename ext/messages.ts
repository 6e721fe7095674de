// The typed message protocols between Lede's contexts. @webext-core/messaging answers with
// sendResponse + `return true`, which Chromium needs: a Promise returned from
// runtime.onMessage reaches the sender as `undefined` when `browser` is native.
import { defineExtensionMessaging } from '@webext-core/messaging';

/** Messages the background (service worker) answers, from content scripts and extension pages. */
export interface BackgroundProtocol {
  ping(): { version: string; now: number };
}

/** Messages a tab's content script answers, from the popup and the background. */
export interface TabProtocol {
  /** What Lede found on this page: status, metadata, extraction. */
  pageState(): PageState;
}

export interface PageState {
  status: 'loading' | 'article' | 'not-article' | 'off';
  url: string;
  title: string;
}

export const background = defineExtensionMessaging<BackgroundProtocol>();
export const tab = defineExtensionMessaging<TabProtocol>();

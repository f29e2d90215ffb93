import type { Browser, Page } from 'puppeteer-core';
export const EXTENSION_UUID: string;
export const EXTENSION_ORIGIN: string;
export function geckoIdOf(dist?: string): string;
export function launchFirefox(opts?: {
  extension?: boolean;
  dist?: string;
  /** Extra Firefox preferences for this launch. */
  prefs?: Record<string, unknown>;
}): Promise<{
  browser: Browser;
  /** The add-on id ('' without the extension). */
  geckoId: string;
  /** The Remote Debugging Protocol server's port (about:debugging's protocol). */
  debuggerPort: number;
  close(): Promise<void>;
}>;
export function openExtensionPage(browser: Browser, path: string, ready?: string): Promise<Page>;

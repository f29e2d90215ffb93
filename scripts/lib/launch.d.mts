import type { BrowserContext, Worker } from 'playwright-core';
export const CHROMIUM_ARGS: string[];
export function launchChromium(opts?: {
  dist?: string;
  extension?: boolean;
  devtools?: boolean;
  headless?: boolean;
  args?: string[];
  executablePath?: string;
  lang?: string;
}): Promise<{
  context: BrowserContext;
  extensionId: string;
  worker: Worker | undefined;
  close(): Promise<void>;
}>;

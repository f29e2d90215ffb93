/**
 * The transparency tests' shape: one probe page, served from 127.0.0.1, run in a fresh Chromium with the
 * extension and in one without it, so what the page observed can be compared. A fresh browser each time:
 * the page must meet the hook (or none) from its first script.
 */
import { afterAll, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, type Launched } from './browser';
import { startServer, type TestServer } from './servers';

export interface ProbePage {
  readonly server: TestServer;
  readonly pageUrl: string;
  /**
   * Loads the page with or without the extension and runs `probe` in it; with the extension, `recorded`
   * then reads what Closeline kept (its worker is still there). The browser is closed either way.
   */
  run<T, R = undefined>(
    extension: boolean,
    probe: (page: Page) => Promise<T>,
    recorded?: (b: Launched) => Promise<R>,
  ): Promise<{ result: T; recorded?: R }>;
}

/** The page: the probe's script first, in its head. */
const inHead = (source: string) => `<!doctype html><html><head><script>${source}</script></head><body></body></html>`;

/** Serves `probeFile` (a script beside the test) at `path` as `page` wraps it, for this file's tests. */
export function useProbePage(path: string, probeFile: URL, page: (source: string) => string = inHead): ProbePage {
  const source = readFileSync(probeFile, 'utf8');
  let server: TestServer | undefined;
  let pageUrl = '';
  beforeAll(async () => {
    server = await startServer();
    pageUrl = server.page(path, page(source));
  });
  afterAll(async () => server?.close());
  return {
    get server() {
      if (!server) throw new Error('The probe page is served from beforeAll: use it inside a test.');
      return server;
    },
    get pageUrl() {
      return pageUrl;
    },
    async run(extension, probe, recorded) {
      const b = await launch({ extension });
      try {
        const tab = await b.context.newPage();
        await tab.goto(pageUrl);
        const result = await probe(tab);
        return extension && recorded ? { result, recorded: await recorded(b) } : { result };
      } finally {
        await b.close();
      }
    },
  };
}

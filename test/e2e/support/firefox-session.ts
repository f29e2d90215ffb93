/**
 * The usual Firefox e2e fixture, as session.ts is for Chromium: one local
 * server and one firefox-esr (with the Firefox build unless told otherwise)
 * per test file, started before its tests and closed after them, the browser
 * first.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type LaunchedFirefox } from './firefox';
import { startServer, type TestServer } from './servers';

/** Launching firefox-esr takes several seconds, far more on a loaded machine. */
export const FIREFOX_SETUP_TIMEOUT_MS = 180_000;

export interface FirefoxSession {
  ff: LaunchedFirefox;
  server: TestServer;
}

type FirefoxOptions = Parameters<typeof launchFirefox>[0];

/**
 * `opts` may be a function, called when the hook runs: options read from the build (its add-on id) then
 * fail the hook with the build's own message, not the file's collection.
 */
export function useFirefoxAndServer(opts: FirefoxOptions | (() => FirefoxOptions) = {}): FirefoxSession {
  const s = {} as FirefoxSession;
  beforeAll(async () => {
    s.server = await startServer();
    s.ff = await launchFirefox(typeof opts === 'function' ? opts() : opts);
  }, FIREFOX_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await s.ff?.close();
    await s.server?.close();
  });
  return s;
}

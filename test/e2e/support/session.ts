/**
 * The usual e2e fixture: one Chromium with the extension and one local server
 * per test file, started before its tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { launch, type Launched } from './browser';
import { startServer, type TestServer } from './servers';

export interface Session {
  b: Launched;
  server: TestServer;
}

export function useBrowserAndServer(opts: Parameters<typeof launch>[0] = {}): Session {
  const s = {} as Session;
  beforeAll(async () => {
    s.server = await startServer();
    s.b = await launch(opts);
  });
  afterAll(async () => {
    await s.b?.close();
    await s.server?.close();
  });
  return s;
}

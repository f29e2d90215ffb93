/**
 * A real Vite dev server (the project's own Vite, through its JavaScript API) serving a tiny app from a
 * temporary folder: index.html and main.js, a module that accepts its own hot updates. The page keeps a
 * log in sessionStorage (it survives the reload Vite makes after a restart) of what Vite's client lets
 * it see, so a run with Closeline can be compared with one without. The server can be stopped and
 * started again on the same port, as a developer restarts `vite`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { freePort } from '../../../scripts/lib/free-port.mjs';

/** What the page logged: its module's runs and hot updates, Vite's disconnect, its pagehide. */
export type PageLog = unknown[][];

/**
 * main.js with `value`. Its first run marks the page loaded; each hot update is applied by the accept
 * callback, which writes the new value to the title. The disconnect listener runs inside the socket's
 * close event (Vite's client notifies it from its own close listener), so `window.event` is that event
 * and the page logs the code the browser gave it. Each module instance registers it again: Vite drops
 * the listeners of the instance a hot update replaces.
 */
const mainJs = (value: number) => `export const value = ${value};
const log = (entry) => {
  const all = JSON.parse(sessionStorage.getItem('vite-log') ?? '[]');
  all.push(entry);
  sessionStorage.setItem('vite-log', JSON.stringify(all));
};
if (!window.started) {
  window.started = true;
  log(['module']);
  document.title = 'loaded ' + value;
  addEventListener('pagehide', (e) => log(['pagehide', e.persisted]));
}
import.meta.hot.on('vite:ws:disconnect', ({ webSocket: ws }) => {
  const e = window.event;
  const url = new URL(ws.url);
  log(['disconnect', url.host === location.host, url.pathname, ws.protocol, ws.extensions, ws.readyState,
    ws instanceof WebSocket, e?.type, e?.code, e?.wasClean, e?.reason]);
});
import.meta.hot.accept((next) => {
  log(['hot']);
  document.title = 'hot ' + next.value;
});
`;

export interface ViteApp {
  url: string;
  port: number;
  /** Writes main.js with a new value (Vite's watcher sends the hot update). */
  setValue(value: number): void;
  /**
   * Stops the server. Until it starts again the port is held by a stand-in that fails every handshake,
   * as a stopped server's refused connection fails it, but sees them come: Vite's client polls with them.
   */
  stop(): Promise<void>;
  /** Resolves with the subprotocols of the first `n` handshakes the stand-in failed. */
  failedHandshakes(n: number): Promise<string[]>;
  /** Starts the server again on the same port. */
  start(): Promise<void>;
  /** Stops the server if it runs and removes the folder. */
  dispose(): Promise<void>;
}

export async function startViteApp(): Promise<ViteApp> {
  const root = mkdtempSync(join(tmpdir(), 'closeline-vite-'));
  // No favicon request: its 404 would land in the console at no fixed place among Vite's messages.
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><link rel="icon" href="data:,"><script type="module" src="/main.js"></script></head><body>app</body></html>',
  );
  writeFileSync(join(root, 'main.js'), mainJs(1));
  const port = await freePort();
  let server: ViteDevServer | undefined;
  let standIn: Server | undefined;
  const failed: string[] = [];
  const waiters: (() => void)[] = [];
  /** Frees the port if the stand-in holds it. */
  const release = async () => {
    const holding = standIn;
    standIn = undefined;
    holding?.closeAllConnections();
    if (holding) await new Promise((r) => holding.close(r));
  };
  const start = async () => {
    await release();
    // No config file lookup, nothing printed; strictPort: a restart must come back where the page polls.
    const s = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      clearScreen: false,
      server: { host: '127.0.0.1', port, strictPort: true },
    });
    await s.listen();
    server = s;
  };
  const stop = async () => {
    if (!server) return;
    await server.close();
    server = undefined;
    const holding = createHttpServer((_, res) => res.writeHead(503).end());
    holding.on('upgrade', (req, socket) => {
      failed.push(String(req.headers['sec-websocket-protocol']));
      socket.destroy();
      for (const wake of waiters.splice(0)) wake();
    });
    await new Promise<void>((r) => holding.listen(port, '127.0.0.1', r));
    standIn = holding;
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    setValue: (value) => writeFileSync(join(root, 'main.js'), mainJs(value)),
    stop,
    start,
    async failedHandshakes(n) {
      while (failed.length < n) await new Promise<void>((r) => waiters.push(r));
      return failed.slice(0, n);
    },
    async dispose() {
      await server?.close();
      await release();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export const pageLog = (page: Page): Promise<PageLog> =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('vite-log') ?? '[]') as unknown[][]);

/** Resolves once the page has logged an entry of `kind` (counting from `after` entries). */
export async function logged(page: Page, kind: string, after = 0): Promise<unknown[]> {
  const handle = await page.waitForFunction(
    ([k, n]) =>
      (JSON.parse(sessionStorage.getItem('vite-log') ?? '[]') as unknown[][]).slice(n).find((e) => e[0] === k),
    [kind, after] as const,
  );
  return (await handle.jsonValue()) as unknown[];
}

/** The page's console, as "type: text" lines, from now on. */
export function consoleOf(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  return lines;
}

/**
 * One developer's session with the dev server: the page loads, a hot update is applied, the server
 * stops (the page polls for it from a shared worker), starts again, and the page reloads by itself. The
 * steps are apart so a test can look at Closeline between them.
 */
export const steps = {
  async open(page: Page, app: ViteApp): Promise<void> {
    await page.goto(app.url);
    await page.waitForFunction(() => document.title === 'loaded 1');
  },
  async hotUpdate(page: Page, app: ViteApp): Promise<void> {
    app.setValue(2);
    await page.waitForFunction(() => document.title === 'hot 2');
  },
  /** Resolves with what the page's disconnect listener saw. */
  async stopServer(page: Page, app: ViteApp): Promise<unknown[]> {
    await app.stop();
    return logged(page, 'disconnect');
  },
  async restartServer(page: Page, app: ViteApp): Promise<void> {
    const reloaded = page.waitForEvent('load');
    await app.start();
    await reloaded;
    await page.waitForFunction(() => document.title === 'loaded 2');
  },
};

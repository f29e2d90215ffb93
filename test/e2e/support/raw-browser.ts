/**
 * Chromium with the built extension, driven over a bare DevTools protocol connection. Playwright attaches
 * to every page of its browser without tab targets, and Chromium then refuses to prerender in that tab
 * ("PrerenderingDisabledByDevTools"): a test of Speculation Rules prerendering needs tabs that only a
 * tab-target session watches. This one attaches to a tab through its tab target, to the extension's
 * service worker (to read what it stored) and to extension pages (the panel), and to nothing else.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { findChromium } from '../../../scripts/chromium-path.mjs';
import { CHROMIUM_ARGS } from '../../../scripts/lib/launch.mjs';
import { DIST } from './browser';

interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}
interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface RawBrowser {
  extensionId: string;
  send<T = unknown>(method: string, params?: object, sessionId?: string): Promise<T>;
  /** Resolves with the first event (from now on) that `match` accepts. */
  event(match: (e: CdpEvent) => boolean, timeoutMs?: number): Promise<CdpEvent>;
  /** Opens a tab at about:blank and returns the session of its page, attached through the tab target. */
  newTab(): Promise<{ pageSession: string }>;
  /** Opens `url` in a tab of its own, attached to directly (for extension pages), and returns its session. */
  openDirect(url: string): Promise<string>;
  /** Evaluates `expression` (awaited, by value) in the session's page, or in the extension's worker. */
  evaluate<T = unknown>(expression: string, sessionId?: string): Promise<T>;
  /** Polls `expression` in the session's page until it is truthy; resolves with its value. */
  waitFor<T = unknown>(expression: string, sessionId: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const until = async <T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

export async function launchRaw(): Promise<RawBrowser> {
  const binary = findChromium();
  if (!binary) throw new Error('no Chromium found');
  const dir = mkdtempSync(join(tmpdir(), 'closeline-raw-'));
  // As Playwright starts it: headless, and without the sandbox (which refuses to run as root).
  const proc = spawn(
    binary,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--no-sandbox',
      '--remote-debugging-port=0',
      `--user-data-dir=${dir}`,
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((r) => proc.once('exit', r));
  const portFile = join(dir, 'DevToolsActivePort');
  const lines = await until(
    'Chromium opening its DevTools port',
    async () => {
      const l = existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n') : [];
      return l.length >= 2 && l[1] ? l : undefined;
    },
    30_000,
  );
  const ws = new WebSocket(`ws://127.0.0.1:${lines[0]}${lines[1]}`);
  await new Promise((res, rej) => (ws.once('open', res), ws.once('error', rej)));
  let id = 0;
  const pending = new Map<number, { res(v: unknown): void; rej(e: Error): void }>();
  const listeners = new Set<(e: CdpEvent) => void>();
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as CdpEvent & { id?: number; result?: unknown; error?: unknown };
    if (m.id === undefined) return [...listeners].forEach((l) => l(m));
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p?.rej(new Error(JSON.stringify(m.error)));
    else p?.res(m.result);
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((res, rej) => {
      const n = ++id;
      pending.set(n, { res: res as (v: unknown) => void, rej });
      ws.send(JSON.stringify({ id: n, method, params, ...(sessionId && { sessionId }) }));
    });
  const event = (match: (e: CdpEvent) => boolean, timeoutMs = 30_000) =>
    new Promise<CdpEvent>((res, rej) => {
      const timer = setTimeout(() => (listeners.delete(l), rej(new Error('no such DevTools event'))), timeoutMs);
      const l = (e: CdpEvent) => {
        if (!match(e)) return;
        listeners.delete(l);
        clearTimeout(timer);
        res(e);
      };
      listeners.add(l);
    });
  const targets = async () =>
    (await send<{ targetInfos: TargetInfo[] }>('Target.getTargets', { filter: [{}] })).targetInfos;
  const attach = async (targetId: string) =>
    (await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })).sessionId;
  const worker = await until(
    'the extension starting its service worker',
    async () => (await targets()).find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://')),
    30_000,
  );
  const extensionId = new URL(worker.url).host;
  const workerSession = await attach(worker.targetId);
  const evaluate = async <T>(expression: string, sessionId = workerSession): Promise<T> => {
    const r = await send<{ result: { value: T }; exceptionDetails?: unknown }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
    return r.result.value;
  };
  return {
    extensionId,
    send,
    event,
    evaluate,
    waitFor: (expression, sessionId, timeoutMs = 15_000) =>
      until(expression, () => evaluate(expression, sessionId), timeoutMs),
    async newTab() {
      const before = new Set((await targets()).map((t) => t.targetId));
      await send('Target.createTarget', { url: 'about:blank' });
      const tab = await until(
        'the new tab',
        async () => (await targets()).find((t) => t.type === 'tab' && !before.has(t.targetId)),
        10_000,
      );
      const tabSession = await attach(tab.targetId);
      const attached = event((e) => e.method === 'Target.attachedToTarget' && e.sessionId === tabSession);
      await send(
        'Target.setAutoAttach',
        { autoAttach: true, waitForDebuggerOnStart: false, flatten: true },
        tabSession,
      );
      return { pageSession: (await attached).params.sessionId as string };
    },
    async openDirect(url) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url });
      return attach(targetId);
    },
    async close() {
      // Closed as a user closes it, so its helper processes are gone with it before the profile is deleted.
      await send('Browser.close').catch(() => proc.kill());
      await exited;
      ws.close();
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

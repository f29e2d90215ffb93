/**
 * Capture, end to end: the built extension in real Chromium records every
 * closure a user cares about, with the right facts, from the page's very first
 * script, in iframes too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { closeEventOf, openEventOf, type Connection, type Recording } from '../../src/protocol/recording';
import { classify } from '../../src/analysis/classify';

const s = useBrowserAndServer();

let page: Page;
let pageUrl: string;

const helpers = (ws: string) => `
  window.closeLog = [];
  window.sockets = {};
  window.openSocket = (name, path, protocols) => new Promise((resolve) => {
    const ws = new WebSocket('${ws}' + path, protocols);
    window.sockets[name] = ws;
    ws.onopen = () => resolve(true);
    ws.onerror = () => window.closeLog.push({ name, type: 'error' });
    ws.onclose = (e) => { window.closeLog.push({ name, type: 'close', code: e.code, reason: e.reason, wasClean: e.wasClean }); resolve(false); };
  });`;

const connectionEnding = (path: string) => (r: Recording) =>
  r.connections.find((c) => c.url.endsWith(path) && closeEventOf(c));

beforeAll(async () => {
  // The very first script of the page opens a socket: the hook must already be there.
  pageUrl = s.server.page(
    '/capture',
    `<!doctype html><html><head><script>window.first = new WebSocket('${s.server.wsOrigin}/first');</script><script>${helpers(s.server.wsOrigin)}</script></head><body>capture</body></html>`,
  );
  s.server.page(
    '/frame',
    `<!doctype html><script>${helpers(s.server.wsOrigin)} openSocket('inframe', '/in-frame');</script>`,
  );
  page = await s.b.context.newPage();
  await page.goto(pageUrl);
});

describe('capture in real Chromium', () => {
  it('captures a socket opened by the first inline script', async () => {
    const conn = await s.server.connectionTo('/first');
    const c = await waitForRecording(s.b.worker, pageUrl, (r) =>
      r.connections.find((x) => x.url === `${s.server.wsOrigin}/first` && openEventOf(x)),
    );
    expect(c.api).toBe('WebSocket');
    expect(c.frameId).toBe(0);
    expect(c.frameUrl).toBe(pageUrl);
    expect(c.stack).toContain('/capture');
    conn.ws.close(1000, 'done');
    const closed = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/first'));
    expect(closeEventOf(closed)).toMatchObject({ code: 1000, reason: 'done', wasClean: true });
    expect(closed.events.some((e) => e.type === 'close-call')).toBe(false);
  });

  it.each([
    [1008, 'policy: token expired'],
    [1012, 'service restart'],
    [1013, 'try again later'],
  ])('records a server close %i with its reason', async (code, reason) => {
    const path = `/server-${code}`;
    await page.evaluate(
      ([name, p]) =>
        (window as unknown as { openSocket(n: string, p: string): Promise<boolean> }).openSocket(
          name as string,
          p as string,
        ),
      [path, path],
    );
    const conn = await s.server.connectionTo(path);
    const before = Date.now();
    conn.ws.close(code, reason);
    const c = await waitForRecording(s.b.worker, pageUrl, connectionEnding(path));
    const open = openEventOf(c);
    const close = closeEventOf(c);
    expect(close).toMatchObject({ code, reason, wasClean: true });
    expect(c.events.some((e) => e.type === 'close-call')).toBe(false);
    expect(open).toBeDefined();
    // Timing on one clock: created < open < close, and the close lands when the server closed.
    expect(c.createdAt).toBeLessThanOrEqual(open!.at);
    expect(open!.at).toBeLessThanOrEqual(close!.at);
    expect(Math.abs(close!.at - before)).toBeLessThan(2000);
    // What the page's own handler saw matches the recording.
    const seen = await page.evaluate(
      (n) =>
        (window as unknown as { closeLog: { name: string; code?: number }[] }).closeLog.find(
          (l) => l.name === n && l.code,
        ),
      path,
    );
    expect(seen).toMatchObject({ code, reason, wasClean: true });
  });

  it('records a dropped TCP connection as 1006, not clean, after open', async () => {
    await page.evaluate(() =>
      (window as unknown as { openSocket(n: string, p: string): Promise<boolean> }).openSocket('drop', '/drop'),
    );
    const conn = await s.server.connectionTo('/drop');
    conn.ws.terminate();
    const c = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/drop'));
    expect(closeEventOf(c)).toMatchObject({ code: 1006, wasClean: false });
    expect(openEventOf(c)).toBeDefined();
    expect(c.events.some((e) => e.type === 'close-call')).toBe(false);
  });

  it('records a page-initiated close(4000, "bye") with the call, its stack and the echoed close', async () => {
    await page.evaluate(() =>
      (window as unknown as { openSocket(n: string, p: string): Promise<boolean> }).openSocket('bye', '/bye'),
    );
    const conn = await s.server.connectionTo('/bye');
    await page.evaluate(function closeFromPage() {
      (window as unknown as { sockets: Record<string, WebSocket> }).sockets.bye!.close(4000, 'bye');
    });
    expect(await conn.closed).toEqual({ code: 4000, reason: 'bye' });
    const c = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/bye'));
    const call = c.events.find((e) => e.type === 'close-call');
    expect(call).toMatchObject({ type: 'close-call', code: 4000, reason: 'bye', readyState: 1 });
    expect(call && 'stack' in call ? call.stack : '').toMatch(/closeFromPage/);
    expect(closeEventOf(c)).toMatchObject({ code: 4000, reason: 'bye', wasClean: true });
    const callAt = call!.at;
    expect(callAt).toBeLessThanOrEqual(closeEventOf(c)!.at);
  });

  it('records a close in an iframe, attributed to the frame', async () => {
    const frameUrl = `${s.server.origin}/frame`;
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, frameUrl);
    const conn = await s.server.connectionTo('/in-frame');
    conn.ws.close(1012, 'frame restart');
    const c = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/in-frame'));
    expect(c.frameId).not.toBe(0);
    expect(c.frameUrl).toBe(frameUrl);
    expect(closeEventOf(c)).toMatchObject({ code: 1012, reason: 'frame restart', wasClean: true });
  });

  it('records requested and negotiated subprotocols', async () => {
    await page.evaluate(() =>
      (window as unknown as { openSocket(n: string, p: string, pr: string[]): Promise<boolean> }).openSocket(
        'proto',
        '/proto',
        ['graphql-transport-ws', 'other'],
      ),
    );
    const conn = await s.server.connectionTo('/proto');
    conn.ws.close(4400, 'bad');
    const c: Connection = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/proto'));
    expect(c.protocols).toEqual(['graphql-transport-ws', 'other']);
    expect(openEventOf(c)?.protocol).toBe('graphql-transport-ws');
  });

  it('records protocols asked for by an iterable that is no array as asked for but unread', async () => {
    // The browser iterates a Set as it would a list; reading it again could run page code, so the
    // recording holds one unreadable entry (not "none asked") and the negotiated protocol from the open.
    await page.evaluate(() =>
      (window as unknown as { openSocket(n: string, p: string, pr: unknown): Promise<boolean> }).openSocket(
        'proto-set',
        '/proto-set',
        new Set(['graphql-transport-ws']),
      ),
    );
    const conn = await s.server.connectionTo('/proto-set');
    conn.ws.close(4400, 'bad');
    const c: Connection = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/proto-set'));
    expect(c.protocols).toEqual(['?']);
    expect(openEventOf(c)?.protocol).toBe('graphql-transport-ws');
  });

  it("takes a page's close() that crossed the server's close frame as the server's closure, by the server's code", async () => {
    // As Action Cable's consumer does: the server says it is about to close, the page closes at once,
    // and the server's close frame is already on its way. The call finds the socket still OPEN.
    const run = (path: string) =>
      page.evaluate(
        (u) =>
          new Promise((resolve) => {
            const ws = new WebSocket(u);
            ws.onmessage = (e) => e.data === 'disconnect' && ws.close();
            ws.onclose = (e) => resolve({ code: e.code, wasClean: e.wasClean });
          }),
        `${s.server.wsOrigin}${path}`,
      );
    for (const [path, code, initiator] of [
      ['/crossed-1012', 1012, 'server'],
      // 1000 is also what a server answers a page's close() with: it stays the page's.
      ['/crossed-1000', 1000, 'page'],
    ] as const) {
      const closed = run(path);
      const conn = await s.server.connectionTo(path);
      conn.ws.send('disconnect');
      conn.ws.close(code, 'bye');
      expect(await closed).toEqual({ code, wasClean: true });
      const c = await waitForRecording(s.b.worker, pageUrl, connectionEnding(path));
      expect(c.events.map((e) => e.type)).toEqual(['open', 'close-call', 'close']);
      expect(c.events.find((e) => e.type === 'close-call')).toMatchObject({ readyState: 1 });
      expect(classify(c)).toMatchObject({ code, initiator, inferred: initiator === 'server' });
    }
  });

  it('tells a WebSocketStream the server closed (its read loop ended, then close()) from one the page closed', async () => {
    const run = (path: string, first: 'server' | 'page') =>
      page.evaluate(
        async ([u, first]) => {
          type Stream = {
            opened: Promise<{ readable: ReadableStream }>;
            closed: Promise<unknown>;
            close(o?: object): void;
          };
          const st = new (window as unknown as { WebSocketStream: new (u: string) => Stream }).WebSocketStream(u!);
          const reader = (await st.opened).readable.getReader();
          if (first === 'page') st.close({ closeCode: 4000, reason: 'page' });
          // As pages do: read until the stream ends, then close it (the server's close frame ended it).
          while (!(await reader.read()).done);
          if (first === 'server') st.close();
          return st.closed;
        },
        [`${s.server.wsOrigin}${path}`, first],
      );
    const serverFirst = run('/stream-server', 'server');
    (await s.server.connectionTo('/stream-server')).ws.close(1012, 'restart');
    expect(await serverFirst).toEqual({ closeCode: 1012, reason: 'restart' });
    expect(await run('/stream-page', 'page')).toEqual({ closeCode: 4000, reason: 'page' });
    const server = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/stream-server'));
    // The page's close() is recorded before the close: the browser settles `closed` only after the read loop ended.
    expect(server.events.map((e) => e.type)).toEqual(['open', 'close-call', 'close']);
    expect(classify(server)).toMatchObject({ code: 1012, initiator: 'server', inferred: true });
    const pageFirst = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/stream-page'));
    expect(pageFirst.events.map((e) => e.type)).toEqual(['open', 'close-call', 'close']);
    expect(classify(pageFirst)).toMatchObject({ code: 4000, initiator: 'page', inferred: false });
  });

  it("records a WebSocketStream handshake the page's signal aborted as the page's, and a refused one as not", async () => {
    // The documented way to give up on a stream's handshake (a timeout, a user leaving the view) is its
    // `signal`: the browser then rejects `closed` with an AbortError, where a failed connection gets a
    // WebSocketError. Without the abort recorded, the page's own timeout read as the network's failure.
    const end = (path: string, abort: boolean) =>
      page.evaluate(
        async ([u, abort]) => {
          const ctl = new AbortController();
          const Stream = (
            window as unknown as Record<string, new (u: string, o: object) => { closed: Promise<unknown> }>
          ).WebSocketStream!;
          const st = new Stream(u as string, { signal: ctl.signal });
          if (abort) ctl.abort();
          const e = await st.closed.catch((e: unknown) => e);
          return [(e as Error).name, (e as { closeCode?: number }).closeCode];
        },
        [`${s.server.wsOrigin}${path}`, abort] as const,
      );
    expect(await end('/stream-aborted', true)).toEqual(['AbortError', undefined]);
    s.server.refuse(403);
    try {
      expect(await end('/stream-refused', false)).toEqual(['WebSocketError', 1006]);
    } finally {
      s.server.refuse(null);
    }
    const aborted = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/stream-aborted'));
    expect(aborted.events.map((e) => e.type).slice(-2)).toEqual(['close-call', 'close']);
    // Seen when `closed` settles, where only the hook's frames are on the stack: none of them is kept.
    expect(aborted.events.find((e) => e.type === 'close-call')).toMatchObject({ readyState: -1, stack: '' });
    expect(classify(aborted)).toMatchObject({ code: 1006, wasClean: false, initiator: 'page', inferred: false });
    const refused = await waitForRecording(s.b.worker, pageUrl, connectionEnding('/stream-refused'));
    expect(refused.events.map((e) => e.type)).not.toContain('close-call');
    expect(classify(refused)).toMatchObject({ code: 1006, initiator: 'network-never-opened' });
  });
});

/**
 * Per message the hook does a fixed amount of work. An error thrown and caught inside it would not be
 * fixed: the engine captures a stack for it, as deep as the page's own (up to the page's
 * Error.stackTraceLimit). Telling a DataView from a typed array used to throw on every such message;
 * the debugger, paused on every exception, counts what the hook throws while a page sends each kind.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';

const s = useBrowserAndServer();
const SENDS = 12;

describe('what the hook throws per message', () => {
  it('nothing for text, ArrayBuffers, typed arrays and DataViews (the count sees what a Blob throws)', async () => {
    const url = s.server.page('/no-throw', '<!doctype html><p>no throw</p>');
    const page = await s.b.context.newPage();
    await page.goto(url);
    const ws = `${s.server.wsOrigin}/no-throw`;
    await page.evaluate(
      (u) =>
        new Promise((resolve, reject) => {
          const sock = new WebSocket(u);
          (window as unknown as { sock: WebSocket }).sock = sock;
          sock.onopen = resolve;
          sock.onerror = reject;
        }),
      ws,
    );
    const cdp = await s.b.context.newCDPSession(page);
    let inHook = 0;
    // Content scripts' frames carry no URL; their scripts are named when the debugger reports them parsed.
    const hookScripts = new Set<string>();
    cdp.on('Debugger.scriptParsed', (e: { scriptId: string; url: string }) => {
      if (e.url.endsWith('/src/content/hook.iife.js')) hookScripts.add(e.scriptId);
    });
    cdp.on('Debugger.paused', (e: { callFrames: { location: { scriptId: string } }[] }) => {
      if (hookScripts.has(e.callFrames[0]?.location.scriptId ?? '')) inHook++;
      void cdp.send('Debugger.resume');
    });
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.setPauseOnExceptions', { state: 'all' });
    const thrown = async (kind: string) => {
      const before = inHook;
      await page.evaluate(
        ([k, n]) => {
          const sock = (window as unknown as { sock: WebSocket }).sock;
          const make: Record<string, () => string | BufferSource | Blob> = {
            text: () => 'hello',
            buffer: () => new ArrayBuffer(16),
            typed: () => new Uint8Array(16),
            floats: () => new Float64Array(4).subarray(1),
            view: () => new DataView(new ArrayBuffer(16), 4, 8),
            blob: () => new Blob(['abc']),
          };
          for (let i = 0; i < n; i++) sock.send(make[k]!());
        },
        [kind, SENDS] as const,
      );
      return inHook - before;
    };
    const counts = {
      text: await thrown('text'),
      buffer: await thrown('buffer'),
      typed: await thrown('typed'),
      floats: await thrown('floats'),
      view: await thrown('view'),
      blob: await thrown('blob'),
    };
    await cdp.send('Debugger.disable');
    // A Blob is tried as an ArrayBuffer first, since no getter tells the two apart without throwing (for
    // its size, and again for its bytes while content capture is undecided or on): the count sees those.
    const { blob, ...rest } = counts;
    expect(rest).toEqual({ text: 0, buffer: 0, typed: 0, floats: 0, view: 0 });
    expect(blob).toBeGreaterThan(0);
    await page.close();
  });
});

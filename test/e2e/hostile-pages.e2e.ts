/**
 * Hostile pages: each test is an attack a page script can make after the hook
 * installed. None may forge a recording, lose a closure, or show the page an
 * error it would not see without the extension.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { openExtensionPage, request } from './support/extension-page';
import { closeEventOf, type Connection, type Recording } from '../../src/protocol/recording';
import { HOOK_PORT_REPLY, HOOK_PORT_REQUEST } from '../../src/protocol/messages';

const s = useBrowserAndServer();
const closedAt = (suffix: string) => (r: Recording) =>
  r.connections.find((c) => c.url.endsWith(suffix) && closeEventOf(c));

async function openPage(path: string, head = ''): Promise<{ page: Page; url: string; errors: string[] }> {
  const url = s.server.page(
    path,
    `<!doctype html><html><head><script>${head}</script></head><body>${path}</body></html>`,
  );
  const page = await s.b.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, url, errors };
}

/** Opens a socket in the page and waits for it to be open; the server side is returned. */
async function openSocket(page: Page, path: string) {
  const wsUrl = `${s.server.wsOrigin}${path}`;
  await page.evaluate(
    (u) =>
      new Promise((res) => {
        const ws = new WebSocket(u);
        (window as unknown as Record<string, WebSocket>)[u] = ws;
        ws.onopen = res;
      }),
    wsUrl,
  );
  return { wsUrl, server: await s.server.connectionTo(path) };
}

/** Waits until the page's recording holds the connection, then asks Closeline to close it (1012, simulated). */
async function simulateClose(ext: Page, pageUrl: string, which: (c: Connection) => boolean): Promise<void> {
  const r = await waitForRecording(s.b.worker, pageUrl, (x) => (x.connections.some(which) ? x : undefined));
  const command = { kind: 'close', code: 1012, reason: 'sim' } as const;
  const connectionId = r.connections.find(which)!.id;
  const reply = await request(ext, { type: 'simulate', tabId: r.tabId, connectionId, scope: 'connection', command });
  expect(reply).toEqual({ type: 'ok' });
}

/** The self size of the largest object in a heap snapshot of the page (after the collections asked before). */
async function largestHeapObject(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = (c: { chunk: string }) => chunks.push(c.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const self = fields.indexOf('self_size');
  let max = 0;
  for (let i = self; i < snap.nodes.length; i += fields.length) max = Math.max(max, snap.nodes[i]!);
  return max;
}

describe('hostile pages', () => {
  let ext: Page;
  beforeAll(async () => {
    ext = await openExtensionPage(s.b.context, s.b.extensionId);
  });

  it('gets no hook function from Error.prepareStackTrace, so it cannot forge sockets or poison socket numbers', async () => {
    const { page, url, errors } = await openPage('/getfunction');
    const { wsUrl, server } = await openSocket(page, '/gf-before');
    const leaked = await page.evaluate(async (u) => {
      const mine = new Set<unknown>();
      const found = new Set<unknown>();
      Error.prepareStackTrace = (_e: Error, sites: NodeJS.CallSite[]) => {
        for (const cs of sites) {
          const f = cs.getFunction();
          if (f && !mine.has(f)) found.add(f);
        }
        return 'stack';
      };
      const probe = () => {
        const ws = new WebSocket(u + '-probe');
        ws.close(4000, 'probe');
      };
      mine.add(probe);
      probe();
      (window as unknown as Record<string, WebSocket>)[u]!.close(4001, 'x');
      delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
      // Whatever leaked, try to use it as the hook's emit.
      const forged = {
        t: 'socket',
        k: Number.MAX_SAFE_INTEGER,
        api: 'WebSocket',
        url: 'wss://forged.example/',
        protocols: [],
        at: Date.now(),
        stack: '',
      };
      for (const f of found) {
        try {
          (f as (e: unknown) => void)(forged);
        } catch {
          // keep trying
        }
      }
      return found.size;
    }, wsUrl);
    expect(leaked).toBe(0);
    await server.closed;
    // A real socket opened afterwards is still recorded (no socket-number poisoning).
    await openSocket(page, '/gf-after');
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => c.url.endsWith('/gf-after')) ? r : undefined,
    );
    expect(JSON.stringify(rec)).not.toContain('forged.example');
    expect(closeEventOf(rec.connections.find((c) => c.url === wsUrl) as Connection)?.code).toBe(4001);
    expect(errors).toEqual([]);
  });

  it('records the true close when the page patches CloseEvent getters, and a throwing getter shows the page no error', async () => {
    const { page, url, errors } = await openPage('/getters');
    const a = await openSocket(page, '/patched');
    await page.evaluate(() => {
      const P = CloseEvent.prototype;
      Object.defineProperty(P, 'code', { get: () => 4999, configurable: true });
      // An object with a getter: structured-cloning it would run page code inside the hook.
      Object.defineProperty(P, 'reason', {
        get: () => ({
          get x() {
            return 'FORGED-A';
          },
        }),
        configurable: true,
      });
      Object.defineProperty(P, 'wasClean', { get: () => false, configurable: true });
    });
    a.server.ws.close(1000, 'true reason');
    const c = await waitForRecording(s.b.worker, url, closedAt('/patched'));
    expect(closeEventOf(c)).toMatchObject({ code: 1000, reason: 'true reason', wasClean: true });
    const b = await openSocket(page, '/throwing');
    await page.evaluate(() => {
      for (const k of ['code', 'reason', 'wasClean'])
        Object.defineProperty(CloseEvent.prototype, k, {
          get() {
            throw new Error('page getter');
          },
          configurable: true,
        });
      Object.defineProperty(MessageEvent.prototype, 'data', {
        get() {
          throw new Error('page data getter');
        },
        configurable: true,
      });
    });
    b.server.ws.send('hi');
    b.server.ws.close(1000, 'still true');
    const d = await waitForRecording(s.b.worker, url, closedAt('/throwing'));
    expect(closeEventOf(d)).toMatchObject({ code: 1000, reason: 'still true', wasClean: true });
    expect(d.counters.receivedMessages).toBe(1);
    expect(errors).toEqual([]);
  });

  it('cannot take the private port through a MessageEvent.prototype.data getter during a simulation', async () => {
    const { page, url } = await openPage('/steal');
    const { wsUrl } = await openSocket(page, '/sim-steal');
    await page.evaluate(() => {
      const w = window as unknown as { stolen: number };
      w.stolen = 0;
      const real = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')?.get as () => unknown;
      Object.defineProperty(MessageEvent.prototype, 'data', {
        configurable: true,
        get() {
          const target = (this as MessageEvent).target;
          if (target instanceof MessagePort) {
            w.stolen++;
            target.postMessage({
              t: 'socket',
              k: 99,
              api: 'WebSocket',
              url: 'wss://forged.example/',
              protocols: [],
              at: Date.now(),
              stack: '',
            });
          }
          return real.call(this);
        },
      });
    });
    await simulateClose(ext, url, (c) => c.url === wsUrl);
    const closed = await waitForRecording(s.b.worker, url, closedAt('/sim-steal'));
    expect(closeEventOf(closed)).toMatchObject({ code: 1012, simulated: true });
    expect(await page.evaluate(() => (window as unknown as { stolen: number }).stolen)).toBe(0);
    expect(JSON.stringify(await waitForRecording(s.b.worker, url, (x) => x))).not.toContain('forged.example');
  });

  it('keeps every closure when the page sends look-alike objects as data, counting them as unsized', async () => {
    const { page, url } = await openPage('/sizes');
    const shapes = ['{"byteLength":"large"}', '{"size":-5}', '{"byteLength":1e300}', '{"size":1.5}'];
    for (const [i, shape] of shapes.entries()) {
      const { wsUrl, server } = await openSocket(page, `/size-${i}`);
      await page.evaluate(
        ([u, json]) => (window as unknown as Record<string, WebSocket>)[u as string]!.send(JSON.parse(json as string)),
        [wsUrl, shape],
      );
      server.ws.close(1000, 'ok');
    }
    for (const i of shapes.keys()) {
      const c = await waitForRecording(s.b.worker, url, closedAt(`/size-${i}`));
      expect(closeEventOf(c)).toMatchObject({ code: 1000, reason: 'ok' });
      expect(c.counters, JSON.stringify(c)).toMatchObject({ sentMessages: 1, sentSize: 0 });
      expect(c.truncated).toContain('counters');
    }
  });

  it('records the sockets of a frame whose document.open() is called at once, and the page gets no port', async () => {
    const { page, url } = await openPage('/docopen');
    const wsUrl = `${s.server.wsOrigin}/docopen-frame`;
    const stolen = await page.evaluate((u) => {
      const f = document.createElement('iframe');
      document.body.append(f);
      const w = f.contentWindow as Window & typeof globalThis;
      f.contentDocument?.open();
      let ports = 0;
      w.addEventListener('message', (e) => (ports += e.ports.length), true);
      addEventListener('message', (e) => (ports += e.ports.length), true);
      const ws = new w.WebSocket(u);
      return new Promise<number>((res) => {
        ws.onopen = () => setTimeout(() => res(ports), 100);
      });
    }, wsUrl);
    expect(stolen).toBe(0);
    const server = await s.server.connectionTo('/docopen-frame');
    server.ws.close(4003, 'frame');
    const c = await waitForRecording(s.b.worker, url, closedAt('/docopen-frame'));
    expect(closeEventOf(c)).toMatchObject({ code: 4003, reason: 'frame' });
  });

  it("records a parent's close() of a same-origin frame's socket, with the parent's caller in the stack", async () => {
    const { page, url } = await openPage('/parentclose');
    const wsUrl = `${s.server.wsOrigin}/parent-close`;
    await page.evaluate(
      (u) =>
        new Promise((res) => {
          const f = document.createElement('iframe');
          document.body.append(f);
          const ws = new (f.contentWindow as Window & typeof globalThis).WebSocket(u);
          (window as unknown as Record<string, WebSocket>).frameSocket = ws;
          ws.onopen = res;
        }),
      wsUrl,
    );
    await s.server.connectionTo('/parent-close');
    await page.evaluate(() => {
      function closeFromParent() {
        (window as unknown as Record<string, WebSocket>).frameSocket!.close(4001, 'parent');
      }
      closeFromParent();
    });
    const c = await waitForRecording(s.b.worker, url, closedAt('/parent-close'));
    expect(c.frameId).not.toBe(0);
    const call = c.events.find((e) => e.type === 'close-call');
    expect(call).toMatchObject({ code: 4001, reason: 'parent' });
    expect(call && 'stack' in call ? call.stack : '').toMatch(/closeFromParent/);
    expect(closeEventOf(c)).toMatchObject({ code: 4001, reason: 'parent' });
  });

  it('records a socket whose protocols list is a Proxy with a throwing trap, and every socket after it', async () => {
    const { page, url, errors } = await openPage('/proxyprotocols');
    const first = `${s.server.wsOrigin}/proxy-protocols`;
    const after = `${s.server.wsOrigin}/after-proxy-protocols`;
    // The browser reads the list with its iterator, so it accepts it; a descriptor read throws.
    const opened = await page.evaluate(
      ([u1, u2]) =>
        new Promise<string>((res, rej) => {
          const trap = new Proxy(['chat'], {
            getOwnPropertyDescriptor() {
              throw new Error('trap');
            },
          });
          const a = new WebSocket(u1 as string, trap as unknown as string[]);
          a.onerror = () => rej(new Error('first socket failed'));
          a.onopen = () => {
            const b = new WebSocket(u2 as string);
            b.onopen = () => res(a.protocol);
          };
        }),
      [first, after],
    );
    expect(opened).toBe('chat');
    (await s.server.connectionTo('/proxy-protocols')).ws.close(4001, 'first');
    (await s.server.connectionTo('/after-proxy-protocols')).ws.close(4002, 'after');
    const a = await waitForRecording(s.b.worker, url, closedAt('/proxy-protocols'));
    const b = await waitForRecording(s.b.worker, url, closedAt('/after-proxy-protocols'));
    expect(closeEventOf(a)).toMatchObject({ code: 4001, reason: 'first' });
    expect(closeEventOf(b)).toMatchObject({ code: 4002, reason: 'after' });
    expect(a.events.find((e) => e.type === 'open')).toMatchObject({ protocol: 'chat' });
    expect(errors).toEqual([]);
  });

  it('keeps no message alive while its socket is open: a large buffer sent through a small view, a large text received', async () => {
    // 127.0.0.1 keeps message content by default: the hook's ring holds the last messages of each direction.
    const { page, url } = await openPage('/retain');
    const { wsUrl, server } = await openSocket(page, '/retain-ws');
    await page.evaluate((u) => {
      const w = window as unknown as Record<string, unknown>;
      const big = new ArrayBuffer(64 << 20);
      const view = new Uint8Array(big, 8, 16).fill(7);
      (w[u] as WebSocket).send(view);
      view.fill(9); // reused after the send: the recording must show what was sent
      w.bufferRef = new WeakRef(big);
      // A short text cut from a long one: the engine keeps the long one behind the slice.
      (w[u] as WebSocket).send('y'.repeat(32 << 20).slice(10, 510));
    }, wsUrl);
    const received = page.evaluate(
      (u) =>
        new Promise<number>((res) => {
          (window as unknown as Record<string, WebSocket>)[u]!.onmessage = (e) => {
            if (typeof e.data === 'string') res(e.data.length);
          };
        }),
      wsUrl,
    );
    server.ws.send('z'.repeat(32 << 20));
    expect(await received).toBe(32 << 20);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    expect(await page.evaluate(() => (window as unknown as { bufferRef: WeakRef<object> }).bufferRef.deref())).toBe(
      undefined,
    );
    // The browser makes a large text an external string, outside the heap's used size: a heap snapshot
    // shows it, and any slice of it keeps the whole text.
    expect(await largestHeapObject(cdp)).toBeLessThan(1 << 20);
    await cdp.detach();
    server.ws.close(1000, 'done');
    const c = await waitForRecording(s.b.worker, url, closedAt('/retain-ws'));
    expect(c.lastMessages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dir: 'out', kind: 'binary', size: 16, hex: '07'.repeat(16) }),
        expect.objectContaining({ dir: 'in', kind: 'text', size: 32 << 20, cut: true }),
      ]),
    );
  });

  it('cannot replay a simulated close event onto another socket', async () => {
    const { page, url } = await openPage('/replay');
    const victim = await openSocket(page, '/replay-victim');
    const simulated = await openSocket(page, '/replay-sim');
    // The page keeps the hook's simulated close event and dispatches it on the victim later.
    await page.evaluate((u) => {
      (window as unknown as Record<string, WebSocket>)[u]!.addEventListener('close', (e) => {
        (window as unknown as { kept: Event }).kept = e;
      });
    }, simulated.wsUrl);
    await simulateClose(ext, url, (c) => c.url.endsWith('/replay-sim'));
    await page.waitForFunction(() => (window as unknown as { kept?: Event }).kept !== undefined);
    await page.evaluate((u) => {
      const w = window as unknown as Record<string, unknown>;
      (w[u] as WebSocket).dispatchEvent(w.kept as Event);
      (w[u] as WebSocket).send('still counted');
    }, victim.wsUrl);
    victim.server.ws.close(4002, 'real');
    const c = await waitForRecording(s.b.worker, url, closedAt('/replay-victim'));
    expect(closeEventOf(c)).toMatchObject({ code: 4002, reason: 'real' });
    expect(closeEventOf(c)?.simulated).toBeFalsy();
    expect(c.counters.sentMessages).toBe(1);
  });

  it('records every socket when page code the hook runs opens another (Error.prepareStackTrace, a protocols Proxy)', async () => {
    const { page, url, errors } = await openPage('/reentry');
    const o = s.server.wsOrigin;
    await page.evaluate(async (origin) => {
      let first = true;
      Error.prepareStackTrace = () => {
        if (first) {
          first = false;
          (window as unknown as Record<string, WebSocket>).innerPst = new WebSocket(`${origin}/inner-pst`);
        }
        return 'stack';
      };
      (window as unknown as Record<string, WebSocket>).outerPst = new WebSocket(`${origin}/outer-pst`);
      delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
      let once = true;
      const list = new Proxy(['chat'], {
        getOwnPropertyDescriptor(t, k) {
          if (once) {
            once = false;
            (window as unknown as Record<string, WebSocket>).innerProxy = new WebSocket(`${origin}/inner-proxy`);
          }
          return Reflect.getOwnPropertyDescriptor(t, k);
        },
      });
      (window as unknown as Record<string, WebSocket>).outerProxy = new WebSocket(`${origin}/outer-proxy`, list);
    }, o);
    for (const path of ['/inner-pst', '/outer-pst', '/inner-proxy', '/outer-proxy'])
      (await s.server.connectionTo(path)).ws.close(4000, path);
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      ['/inner-pst', '/outer-pst', '/inner-proxy', '/outer-proxy'].every((p) => closedAt(p)(r)) ? r : undefined,
    );
    expect(closeEventOf(closedAt('/outer-proxy')(rec) as Connection)).toMatchObject({
      code: 4000,
      reason: '/outer-proxy',
    });
    expect(rec.dropped.eventsRejected).toBe(0);
    expect(errors).toEqual([]);
  });

  it('records every later socket after many whose protocols list was revoked once the browser had read it', async () => {
    const { page, url } = await openPage('/revoked');
    await page.evaluate((origin) => {
      for (let i = 0; i < 12; i++) {
        let reads = 0;
        const { proxy, revoke } = Proxy.revocable(['chat'], {
          get(t, k, r) {
            // The browser's iterator reads `length` twice for one item: revoked after its last read.
            if (k === 'length' && ++reads === 2) revoke();
            return Reflect.get(t, k, r) as unknown;
          },
        });
        new WebSocket(`${origin}/revoked-${i}`, proxy);
      }
    }, s.server.wsOrigin);
    const { server } = await openSocket(page, '/after-revoked');
    server.ws.close(4001, 'after');
    const c = await waitForRecording(s.b.worker, url, closedAt('/after-revoked'));
    expect(closeEventOf(c)).toMatchObject({ code: 4001, reason: 'after' });
    const rec = await waitForRecording(s.b.worker, url, (r) => r);
    expect(rec.connections.filter((x) => x.url.includes('/revoked-'))).toHaveLength(12);
  });

  it('counts no message sent once the socket is closing: the browser discards it', async () => {
    const { page, url } = await openPage('/send-closing');
    const byPage = await openSocket(page, '/send-after-close');
    await page.evaluate((u) => {
      const ws = (window as unknown as Record<string, WebSocket>)[u]!;
      ws.send('sent');
      ws.close(4002, 'page');
      ws.send('discarded');
      ws.send(new Uint8Array(8));
    }, byPage.wsUrl);
    const byServer = await openSocket(page, '/send-server-closing');
    // The server's close frame makes the socket CLOSING before its close event.
    const polled = page.evaluate(
      (u) =>
        new Promise<void>((res) => {
          const ws = (window as unknown as Record<string, WebSocket>)[u]!;
          const poll = () => {
            if (ws.readyState === WebSocket.CLOSING) {
              ws.send('discarded too');
              res();
            } else if (ws.readyState === WebSocket.CLOSED) res();
            else setTimeout(poll, 0);
          };
          poll();
        }),
      byServer.wsUrl,
    );
    byServer.server.ws.close(4003, 'server');
    await polled;
    const a = await waitForRecording(s.b.worker, url, closedAt('/send-after-close'));
    expect(a.counters).toMatchObject({ sentMessages: 1, sentSize: 4 });
    expect(a.lastMessages?.filter((m) => m.dir === 'out').map((m) => m.text)).toEqual(['sent']);
    const b = await waitForRecording(s.b.worker, url, closedAt('/send-server-closing'));
    expect(b.counters).toMatchObject({ sentMessages: 0 });
  });

  it('records an object close reason as the string the browser used', async () => {
    const { page, url } = await openPage('/objreason');
    const { wsUrl } = await openSocket(page, '/obj-reason');
    await page.evaluate((u) => {
      const ws = (window as unknown as Record<string, WebSocket>)[u]!;
      ws.close({ valueOf: () => 4005 } as unknown as number, { toString: () => 'object reason' } as unknown as string);
    }, wsUrl);
    const c = await waitForRecording(s.b.worker, url, closedAt('/obj-reason'));
    expect(c.events.find((e) => e.type === 'close-call')).toMatchObject({ code: 4005, reason: 'object reason' });
    expect(closeEventOf(c)).toMatchObject({ code: 4005, reason: 'object reason' });
  });

  it('records a close() reason with a lone surrogate as the browser sent it', async () => {
    const { page, url } = await openPage('/lone-surrogate');
    const { wsUrl } = await openSocket(page, '/lone-surrogate');
    await page.evaluate((u) => {
      (window as unknown as Record<string, WebSocket>)[u]!.close(4006, 'half \uD83D of a pair');
    }, wsUrl);
    const c = await waitForRecording(s.b.worker, url, closedAt('/lone-surrogate'));
    // The server echoes the reason it received: the browser's, with U+FFFD for the lone half.
    expect(closeEventOf(c)).toMatchObject({ code: 4006, reason: 'half \uFFFD of a pair' });
    expect(c.events.find((e) => e.type === 'close-call')).toMatchObject({
      code: 4006,
      reason: 'half \uFFFD of a pair',
    });
  });

  it('runs no page accessor on Object.prototype named as a field the hook posts or keeps', async () => {
    const { page, url, errors } = await openPage('/proto-fields');
    const { wsUrl } = await openSocket(page, '/proto-fields');
    const reads = await page.evaluate(
      (u) =>
        new Promise<string[]>((res) => {
          // A getter would take the place of a field the hook left out; a setter would see (and keep) the
          // hook's own record if the hook assigned a field its object does not have yet. They are taken
          // away in the page's close listener, which runs after the hook's.
          const names = [
            'at',
            't',
            'k',
            'code',
            'reason',
            'wasClean',
            'counters',
            'last',
            'sim',
            'unsized',
            'data',
            'd',
            'n',
          ];
          const reads: string[] = [];
          for (const name of names)
            Object.defineProperty(Object.prototype, name, {
              get: () => void reads.push(`get ${name}`),
              set: () => void reads.push(`set ${name}`),
              configurable: true,
            });
          const ws = (window as unknown as Record<string, WebSocket>)[u]!;
          ws.onmessage = () => {
            ws.send('hi');
            ws.close(4003, 'bye');
          };
          ws.onclose = () => {
            for (const name of names) delete (Object.prototype as Record<string, unknown>)[name];
            res(reads);
          };
          ws.send('ready'); // the server echoes it
        }),
      wsUrl,
    );
    expect(reads).toEqual([]);
    const c = await waitForRecording(s.b.worker, url, closedAt('/proto-fields'));
    expect(c.events.find((e) => e.type === 'close-call')).toMatchObject({ code: 4003, reason: 'bye', readyState: 1 });
    expect(closeEventOf(c)).toMatchObject({ code: 4003, reason: 'bye', wasClean: true });
    expect(c.lastMessages?.map((m) => [m.dir, m.text])).toEqual([
      ['out', 'ready'],
      ['in', 'ready'],
      ['out', 'hi'],
    ]);
    expect(errors).toEqual([]);
  });

  it("records a WebSocketStream's open and close while Promise.prototype.constructor throws, and runs no page getter", async () => {
    const { page, url, errors } = await openPage('/stream-species');
    const read = await page.evaluate(async (u) => {
      // A getter that throws where Promise.prototype.then looks for the species constructor: reading a
      // stream's promises through it would make then() throw, and the stream's end would go unrecorded.
      let reads = 0;
      const P = Promise.prototype;
      const d = Object.getOwnPropertyDescriptor(P, 'constructor')!;
      const species = Object.getOwnPropertyDescriptor(Promise, Symbol.species)!;
      const trap = () => {
        reads++;
        throw new Error('species');
      };
      Object.defineProperty(P, 'constructor', { get: trap, configurable: true });
      Object.defineProperty(Promise, Symbol.species, { get: trap, configurable: true });
      const Stream = (window as unknown as Record<string, new (u: string) => { opened: Promise<unknown> }>)
        .WebSocketStream!;
      const st = new Stream(u);
      Object.defineProperty(P, 'constructor', d);
      Object.defineProperty(Promise, Symbol.species, species);
      await st.opened;
      return reads;
    }, `${s.server.wsOrigin}/stream-species`);
    expect(read).toBe(0);
    const server = await s.server.connectionTo('/stream-species');
    server.ws.close(4002, 'species');
    const c = await waitForRecording(s.b.worker, url, closedAt('/stream-species'));
    expect(c.api).toBe('WebSocketStream');
    expect(c.events.some((e) => e.type === 'open')).toBe(true);
    expect(closeEventOf(c)).toMatchObject({ code: 4002, reason: 'species', wasClean: true });
    expect(errors).toEqual([]);
  });
});

describe('regressions: attacks that must keep failing', () => {
  it('rejects forged window messages of many shapes, even in a flood, and still records real sockets', async () => {
    const { page, url } = await openPage('/forged-shapes');
    await page.evaluate(
      ([reply, request]) => {
        const shapes: unknown[] = [
          { __closeline_hook_hello__: 1 },
          { __closeline_hook_hello__: { ports: 1 } },
          {
            source: 'closeline',
            v: 1,
            msg: { type: 'hello', docNonce: 'x', url: 'https://forged.example/', isTop: true },
          },
          {
            source: 'closeline',
            v: 1,
            msg: { type: 'batch', seq: 1, events: [{ t: 'socket', k: 1, url: 'wss://forged.example/' }], dropped: {} },
          },
          { source: 'closeline', v: 2, msg: null },
        ];
        for (let i = 0; i < 2000; i++) window.postMessage(shapes[i % shapes.length], '*');
        const ch = new MessageChannel();
        window.postMessage({ __closeline_hook_hello__: 1 }, '*', [ch.port2]);
        ch.port1.postMessage({
          t: 'socket',
          k: 1,
          api: 'WebSocket',
          url: 'wss://forged.example/',
          protocols: [],
          at: Date.now(),
          stack: '',
        });
        window.dispatchEvent(new MessageEvent(reply!, { ports: [new MessageChannel().port1] }));
        window.dispatchEvent(new Event(request!));
      },
      [HOOK_PORT_REPLY, HOOK_PORT_REQUEST],
    );
    const { server } = await openSocket(page, '/after-flood');
    server.ws.close(1000, 'real');
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      closedAt('/after-flood')(r) && r.dropped.eventsRejected >= 2001 ? r : undefined,
    );
    expect(rec.dropped.eventsRejected).toBe(2001);
    expect(JSON.stringify(rec)).not.toContain('forged.example');
  });

  it('records subclasses, sockets under frozen prototypes, and a 123-byte reason', async () => {
    const { page, url, errors } = await openPage('/regress');
    const reason = 'é'.repeat(61) + 'x'; // 123 UTF-8 bytes
    const wsOrigin = s.server.wsOrigin;
    await page.evaluate(
      ([origin, r]) => {
        class Sub extends WebSocket {
          hello() {
            return 'hi';
          }
        }
        Object.freeze(WebSocket.prototype);
        Object.freeze(CloseEvent.prototype);
        Object.freeze(EventTarget.prototype);
        const sub = new Sub(`${origin}/subclass`);
        sub.onopen = () => sub.close(4004, r);
      },
      [wsOrigin, reason],
    );
    const c = await waitForRecording(s.b.worker, url, closedAt('/subclass'));
    expect(c.events.find((e) => e.type === 'close-call')).toMatchObject({ code: 4004, reason });
    expect(closeEventOf(c)).toMatchObject({ code: 4004, reason, wasClean: true });
    expect(c.truncated).toBeUndefined();
    expect(errors).toEqual([]);
  });
});

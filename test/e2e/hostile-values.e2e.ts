/**
 * Hostile and unusual values a page passes to the wrapped calls, after the hook installed: what the
 * browser makes of them is what must be recorded, and the page must see nothing it would not see
 * without the extension.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { closeEventOf, type Recording } from '../../src/protocol/recording';
import { classify } from '../../src/analysis/classify';

const s = useBrowserAndServer();
const closedAt = (suffix: string) => (r: Recording) =>
  r.connections.find((c) => c.url.endsWith(suffix) && closeEventOf(c));

async function openPage(path: string): Promise<{ page: Page; url: string; errors: string[] }> {
  const url = s.server.page(path, `<!doctype html><html><body>${path}</body></html>`);
  const page = await s.b.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, url, errors };
}

describe('values a page passes to the wrapped calls', () => {
  it('counts and keeps a sent number, boolean, null, undefined or BigInt as the text the browser sent', async () => {
    const { page, url, errors } = await openPage('/send-primitives');
    const path = '/send-primitives-ws';
    const sent = page.evaluate(
      (u) =>
        new Promise<void>((res) => {
          const ws = new WebSocket(u);
          ws.onopen = () => {
            // A heartbeat of Date.now() is sent as a number: the browser sends its text.
            for (const v of [42, true, null, undefined, 1n]) ws.send(v as unknown as string);
            res();
          };
        }),
      `${s.server.wsOrigin}${path}`,
    );
    const server = await s.server.connectionTo(path);
    const got: string[] = [];
    const five = new Promise<void>((res) =>
      server.ws.on('message', (d) => {
        if (got.push(String(d)) === 5) res();
      }),
    );
    await sent;
    await five;
    expect(got).toEqual(['42', 'true', 'null', 'undefined', '1']);
    server.ws.close(4000, 'done');
    const c = await waitForRecording(s.b.worker, url, closedAt(path));
    expect(c.counters).toMatchObject({ sentMessages: 5, sentSize: 20 });
    expect(c.truncated).toBeUndefined();
    expect(c.lastMessages?.filter((m) => m.dir === 'out').map((m) => [m.kind, m.text, m.size])).toEqual([
      ['text', '42', 2],
      ['text', 'true', 4],
      ['text', 'null', 4],
      ['text', 'undefined', 9],
      ['text', '1', 1],
    ]);
    expect(errors).toEqual([]);
  });

  it("takes a WebSocketStream's close() code from an options object the browser read through a getter", async () => {
    const { page, url, errors } = await openPage('/stream-close-getter');
    const path = '/stream-close-getter-ws';
    const closed = page.evaluate(async (u) => {
      type Stream = { opened: Promise<unknown>; closed: Promise<unknown>; close(o?: object): void };
      const st = new (window as unknown as { WebSocketStream: new (u: string) => Stream }).WebSocketStream(u);
      await st.opened;
      // Members a class gives as getters, as a dictionary's readers find them; each is read once, as the
      // browser alone reads them.
      const reads: string[] = [];
      class CloseInfo {
        get closeCode() {
          reads.push('closeCode');
          return 4000;
        }
        get reason() {
          reads.push('reason');
          return 'page';
        }
      }
      st.close(new CloseInfo());
      return [reads, await st.closed];
    }, `${s.server.wsOrigin}${path}`);
    expect(await closed).toEqual([['closeCode', 'reason'], { closeCode: 4000, reason: 'page' }]);
    const c = await waitForRecording(s.b.worker, url, closedAt(path));
    expect(c.events.find((e) => e.type === 'close-call')).toMatchObject({ code: 4000, reason: 'page' });
    expect(classify(c)).toMatchObject({ code: 4000, initiator: 'page', inferred: false });
    expect(errors).toEqual([]);
  });

  it("converts a WebSocketStream's close() members as it reads them, in the browser's order", async () => {
    const { page, url, errors } = await openPage('/stream-close-convert');
    const path = '/stream-close-convert-ws';
    const closed = page.evaluate(async (u) => {
      type Stream = { opened: Promise<unknown>; closed: Promise<unknown>; close(o?: object): void };
      const open = async () => {
        const st = new (window as unknown as { WebSocketStream: new (u: string) => Stream }).WebSocketStream(u);
        await st.opened;
        return st;
      };
      // The bindings convert each member of the dictionary right after reading it: the code's valueOf
      // runs before the reason is read, and one that throws leaves the reason unread.
      const steps: string[] = [];
      const options = (code: () => number) => ({
        get closeCode() {
          steps.push('get closeCode');
          return { valueOf: () => (steps.push('valueOf closeCode'), code()) };
        },
        get reason() {
          steps.push('get reason');
          return { toString: () => (steps.push('toString reason'), 'page') };
        },
      });
      const first = await open();
      let thrown = '';
      try {
        first.close(
          options(() => {
            throw new Error('no code');
          }),
        );
      } catch (e) {
        thrown = (e as Error).message;
      }
      const failed = steps.splice(0);
      first.close();
      await first.closed.catch(() => undefined);
      const st = await open();
      st.close(options(() => 4000));
      return [failed, thrown, steps, await st.closed];
    }, `${s.server.wsOrigin}${path}`);
    expect(await closed).toEqual([
      ['get closeCode', 'valueOf closeCode'],
      'no code',
      ['get closeCode', 'valueOf closeCode', 'get reason', 'toString reason'],
      { closeCode: 4000, reason: 'page' },
    ]);
    // The code an object gave is recorded as the number the browser made of it.
    const c = await waitForRecording(
      s.b.worker,
      url,
      (r) => r.connections.filter((x) => x.url.endsWith(path) && closeEventOf(x))[1],
    );
    expect(c.events.find((e) => e.type === 'close-call')).toMatchObject({ code: 4000, reason: 'page' });
    expect(errors).toEqual([]);
  });

  it('sends a DataView whose buffer the page detached as the browser does: no error, an empty message', async () => {
    const { page, url, errors } = await openPage('/send-detached-view');
    const path = '/send-detached-view-ws';
    const sent = page.evaluate(
      (u) =>
        new Promise<string>((res) => {
          const ws = new WebSocket(u);
          ws.onopen = () => {
            const buffer = new ArrayBuffer(8);
            const view = new DataView(buffer);
            // Transferring a buffer detaches it: the view's byteLength getter throws from then on.
            structuredClone(buffer, { transfer: [buffer] });
            try {
              ws.send(view);
              res('sent');
            } catch (e) {
              res(String(e));
            }
          };
        }),
      `${s.server.wsOrigin}${path}`,
    );
    const server = await s.server.connectionTo(path);
    const received = new Promise<number>((res) => server.ws.on('message', (d: Buffer) => res(d.length)));
    expect(await sent).toBe('sent');
    expect(await received).toBe(0);
    server.ws.close(4000, 'done');
    const c = await waitForRecording(s.b.worker, url, closedAt(path));
    expect(c.counters).toMatchObject({ sentMessages: 1, sentSize: 0 });
    expect(c.truncated).toBeUndefined();
    expect(errors).toEqual([]);
  });
});

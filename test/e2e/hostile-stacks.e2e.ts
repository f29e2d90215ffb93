/**
 * The hook takes a stack for every socket it announces and every close() call. A page that puts
 * getters on Error.prototype after the hook installed must not have them run inside the hook:
 * V8 writes a stack's first line from the error's `name` and `message`, which an Error of the
 * hook's would inherit from the page's prototype.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { closeEventOf } from '../../src/protocol/recording';

const s = useBrowserAndServer();

describe('stacks the hook takes', () => {
  it('run no getter a page put on Error.prototype, and still name the page caller', async () => {
    const url = s.server.page('/error-getters', '<!doctype html><p>error getters</p>');
    const page = await s.b.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    const reads = await page.evaluate(async (wsUrl) => {
      const reads: string[] = [];
      const P = Error.prototype as unknown as Record<string, unknown>;
      for (const name of ['name', 'message', 'stack', 'toString']) {
        const d = Object.getOwnPropertyDescriptor(P, name);
        Object.defineProperty(P, name, {
          configurable: true,
          get() {
            reads.push(name);
            return d?.value;
          },
        });
      }
      function openFromPage() {
        return new WebSocket(wsUrl);
      }
      const ws = openFromPage();
      await new Promise((res) => (ws.onopen = res));
      function closeFromPage() {
        ws.close(4001, 'getters');
      }
      closeFromPage();
      await new Promise((res) => (ws.onclose = res));
      return reads;
    }, `${s.server.wsOrigin}/error-getters`);
    expect(reads).toEqual([]);
    const c = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.find((x) => x.url.endsWith('/error-getters') && closeEventOf(x)),
    );
    expect(c.stack).toMatch(/openFromPage/);
    const call = c.events.find((e) => e.type === 'close-call');
    expect(call && 'stack' in call ? call.stack : '').toMatch(/closeFromPage/);
    expect(closeEventOf(c)).toMatchObject({ code: 4001, reason: 'getters' });
    expect(errors).toEqual([]);
  });
});

/**
 * The relay looks at the page's own window messages (to count forgeries), in its own world. The first
 * read of a message's `data` in a world deserialises it for that world, and a transferred stream can be
 * deserialised only once: the page's own listener must still get it, as without the extension.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';

const s = useBrowserAndServer();

describe("the page's own window messages", () => {
  it('reach the page with their transferred streams and buffers, and forgeries are still counted', async () => {
    const url = s.server.page('/self-messages', '<!doctype html><p>self</p>');
    const page = await s.b.context.newPage();
    await page.goto(url);
    const result = await page.evaluate(async () => {
      const post = (data: unknown, transfer: Transferable[]) =>
        new Promise<MessageEvent>((resolve) => {
          const on = (e: MessageEvent) => {
            window.removeEventListener('message', on);
            resolve(e);
          };
          window.addEventListener('message', on);
          window.postMessage(data, '*', transfer);
        });
      const rs = new ReadableStream({
        start(c) {
          c.enqueue('chunk');
          c.close();
        },
      });
      const got: string[] = [];
      const ws = new WritableStream({
        write(c: string) {
          got.push(c);
        },
      });
      const ts = new TransformStream();
      const buf = new Uint8Array([1, 2, 3]).buffer;
      const e = await post({ rs, ws, ts, buf }, [rs, ws, ts, buf]);
      const d = e.data as { rs: ReadableStream; ws: WritableStream; ts: TransformStream; buf: ArrayBuffer } | null;
      if (!d) return 'data is null';
      const read = await d.rs.getReader().read();
      const w = d.ws.getWriter();
      await w.write('written');
      await w.close();
      // The page passes the buffer on (detaching it here) before the relay looks at the message.
      const again = await post(d.buf, [d.buf]);
      return [read.value, got.join(), d.ts.readable.locked, [...new Uint8Array(again.data as ArrayBuffer)].join()];
    });
    expect(result).toEqual(['chunk', 'written', false, '1,2,3']);
    // A forged hello among the page's own posts is still counted.
    await page.evaluate(() => window.postMessage({ __closeline_hook_hello__: 1 }, '*'));
    const rec = await waitForRecording(s.b.worker, url, (r) => (r.dropped.eventsRejected >= 1 ? r : undefined));
    expect(rec.dropped.eventsRejected).toBe(1);
  });

  it('counts forgeries among a flood of them dispatched in one task, and every page listener gets its data', async () => {
    const url = s.server.page('/self-flood', '<!doctype html><p>flood</p>');
    const page = await s.b.context.newPage();
    await page.goto(url);
    // Synchronous dispatches: no timer can run between them, so the relay's wait for one fills past its bound.
    const seen = await page.evaluate(() => {
      let n = 0;
      window.addEventListener('message', (e) => {
        if ((e.data as { i?: number } | null)?.i !== undefined) n++;
      });
      for (let i = 0; i < 2000; i++) {
        const data = i % 500 === 7 ? { __closeline_hook_hello__: 1, i } : { i };
        window.dispatchEvent(new MessageEvent('message', { data, source: window }));
      }
      return n;
    });
    expect(seen).toBe(2000);
    const rec = await waitForRecording(s.b.worker, url, (r) => (r.dropped.eventsRejected >= 4 ? r : undefined));
    expect(rec.dropped.eventsRejected).toBe(4);
  });
});

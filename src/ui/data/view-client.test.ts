import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, wrap, type BackgroundPush, type ViewResponse } from '../../protocol/messages';
import { emptyRecording, type Connection, type Recording } from '../../protocol/recording';
import { portPair, type FakePort } from '../../test-support/fake-port';
import {
  createLiveSource,
  createRequester,
  resubscribeDelayMs,
  ViewRequestError,
  type ViewTransport,
} from './view-client';

/** A background that answers each request with `answer(request)` and hands out fake ports. */
function fakeBackground(answer: (req: { type: string }) => unknown = () => wrap<ViewResponse>({ type: 'ok' })) {
  const sent: unknown[] = [];
  const ports: FakePort[] = [];
  const transport: ViewTransport = {
    send(message) {
      sent.push(message);
      return Promise.resolve().then(() => answer((message as { msg: { type: string } }).msg));
    },
    connect(name) {
      const { near, far } = portPair(name);
      ports.push(far);
      return near;
    },
  };
  return { transport, sent, ports };
}

const conn = (id: string): Connection => ({
  id,
  api: 'WebSocket',
  url: 'ws://a/s',
  protocols: [],
  frameId: 0,
  documentId: 'd',
  frameUrl: 'http://a/',
  createdAt: 1,
  stack: '',
  events: [],
  counters: { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 },
});
const recording = (ids: string[]): Recording => ({ ...emptyRecording(7, '0.1.0', 0), connections: ids.map(conn) });

describe('view requests', () => {
  it('sends the typed request in an envelope and returns the typed answer', async () => {
    const bg = fakeBackground(() =>
      wrap<ViewResponse>({ type: 'settings', settings: { ...DEFAULT_SETTINGS, recentMinutes: 5 } }),
    );
    const source = createLiveSource(7, bg.transport);
    await expect(source.getSettings()).resolves.toMatchObject({ recentMinutes: 5 });
    expect(bg.sent).toEqual([wrap({ type: 'get-settings' })]);
  });

  it('says which tab a settings change comes from (a choice per site is refused from a private tab)', async () => {
    const bg = fakeBackground(() => wrap<ViewResponse>({ type: 'settings', settings: DEFAULT_SETTINGS }));
    await createLiveSource(7, bg.transport).setSettings({ pausedSites: ['a.example'] });
    expect(bg.sent).toEqual([wrap({ type: 'set-settings', settings: { pausedSites: ['a.example'] }, tabId: 7 })]);
  });

  it("rejects with the background's own reason, naming the request", async () => {
    const bg = fakeBackground(() =>
      wrap<ViewResponse>({ type: 'error', message: 'The connection is already closed.' }),
    );
    const error = await createLiveSource(7, bg.transport).simulate!('c1', { kind: 'drop' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ViewRequestError);
    expect(error).toMatchObject({
      request: 'simulate',
      failure: 'refused',
      message: 'The connection is already closed.',
    });
    expect(bg.sent).toEqual([
      wrap({ type: 'simulate', tabId: 7, connectionId: 'c1', scope: 'connection', command: { kind: 'drop' } }),
    ]);
  });

  it.each([
    ['an answer of another type', wrap({ type: 'ok' })],
    ['no envelope', { type: 'status', status: 'capturing' }],
    ['nothing', undefined],
  ])('calls %s unexpected', async (_name, reply) => {
    const bg = fakeBackground(() => reply);
    const error = await createLiveSource(7, bg.transport)
      .getStatus()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ request: 'get-status', failure: 'unexpected' });
    expect((error as Error).message).toMatch(/answered unexpectedly/);
  });

  it('says so when the transport fails', async () => {
    const transport: ViewTransport = {
      send: () => Promise.reject(new Error('Could not establish connection.')),
      connect: () => portPair('x').near,
    };
    await expect(createLiveSource(7, transport).clear()).rejects.toMatchObject({
      request: 'clear',
      failure: 'transport',
      message: 'Could not establish connection.',
    });
  });

  describe('with a background that never answers', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());
    const silent: ViewTransport = { send: () => new Promise(() => undefined), connect: () => portPair('x').near };

    it('times out, naming the request and the wait', async () => {
      const pending = createRequester(silent, { timeoutMs: 3000 })({ type: 'get-status', tabId: 7 });
      const caught = pending.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(2999);
      await vi.advanceTimersByTimeAsync(1);
      const error = await caught;
      expect(error).toMatchObject({ request: 'get-status', failure: 'timeout' });
      expect((error as Error).message).toContain('“get-status” within 3 s');
    });

    it('stops waiting when its signal aborts, with the abort reason', async () => {
      const controller = new AbortController();
      const pending = createRequester(silent)({ type: 'get-settings' }, { signal: controller.signal });
      controller.abort(new Error('panel closed'));
      await expect(pending).rejects.toThrow('panel closed');
      await expect(createRequester(silent)({ type: 'get-settings' }, { signal: controller.signal })).rejects.toThrow(
        'panel closed',
      );
    });
  });
});

describe('live subscription over the view port', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('subscribes for its tab, applies the snapshot and then deltas', () => {
    const bg = fakeBackground();
    const seen: string[][] = [];
    createLiveSource(7, bg.transport).subscribe((r) => seen.push(r.connections.map((c) => c.id)));
    const port = bg.ports[0]!;
    expect(port.posted).toEqual([]);
    expect(port.peer.posted).toEqual([wrap({ type: 'subscribe', tabId: 7 })]);
    port.postMessage(
      wrap<BackgroundPush>({
        type: 'delta',
        tabId: 7,
        delta: { connections: [conn('early')], evicted: [], marks: [], dropped: emptyRecording(7, '', 0).dropped },
      }),
    );
    expect(seen).toEqual([]); // a delta before any snapshot has nothing to apply to
    port.postMessage(wrap<BackgroundPush>({ type: 'snapshot', recording: recording(['a']) }));
    port.postMessage(
      wrap<BackgroundPush>({
        type: 'delta',
        tabId: 7,
        delta: { connections: [conn('b')], evicted: ['a'], marks: [], dropped: emptyRecording(7, '', 0).dropped },
      }),
    );
    port.postMessage({ type: 'snapshot', recording: recording(['forged']) }); // no envelope: ignored
    expect(seen).toEqual([['a'], ['b']]);
  });

  it('re-subscribes after the worker restarts, backing off while it stays away', () => {
    const bg = fakeBackground();
    const seen: string[][] = [];
    createLiveSource(7, bg.transport).subscribe((r) => seen.push(r.connections.map((c) => c.id)));
    bg.ports[0]!.disconnect();
    expect(bg.ports).toHaveLength(1);
    vi.advanceTimersByTime(resubscribeDelayMs(0));
    expect(bg.ports).toHaveLength(2);
    bg.ports[1]!.disconnect();
    vi.advanceTimersByTime(resubscribeDelayMs(1) - 1);
    expect(bg.ports).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(bg.ports).toHaveLength(3);
    expect(bg.ports[2]!.peer.posted).toEqual([wrap({ type: 'subscribe', tabId: 7 })]);
    bg.ports[2]!.postMessage(wrap<BackgroundPush>({ type: 'snapshot', recording: recording(['after-restart']) }));
    expect(seen).toEqual([['after-restart']]);
    expect([0, 1, 5, 10].map(resubscribeDelayMs)).toEqual([50, 100, 1600, 2000]);
  });

  it('unsubscribing disconnects and does not come back', () => {
    const bg = fakeBackground();
    const stop = createLiveSource(7, bg.transport).subscribe(() => undefined);
    stop();
    expect(bg.ports[0]!.connected).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(bg.ports).toHaveLength(1);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection, SocketEvent } from '../protocol/recording';
import type { Hub } from './hub';

const sendMessage = vi.fn(async () => true);
const browser = { tabs: { sendMessage } };
vi.mock('webextension-polyfill', () => ({ default: browser }));
const { simulate } = await import('./simulate');
const { t } = await import('../i18n/translate');

const TAB = 3;
function connection(id: string, k: number, events: SocketEvent[]): Connection {
  return {
    id,
    socketNumber: k,
    api: 'WebSocket',
    url: 'ws://127.0.0.1/live',
    protocols: [],
    frameId: 0,
    documentId: 'doc',
    frameUrl: 'http://127.0.0.1/',
    createdAt: 1,
    stack: '',
    events,
  } as unknown as Connection;
}
/** Just what simulate() reads of the hub: the tab's connections. */
function hubWith(connections: Connection[]): Hub {
  const tab = { recording: { connections }, get: (id: string) => connections.find((c) => c.id === id) };
  return { tabs: new Map([[TAB, tab]]) } as unknown as Hub;
}
const opened: SocketEvent = { type: 'open', at: 2, protocol: '', extensions: '' } as SocketEvent;
const pageClose: SocketEvent = { type: 'close-call', at: 3, readyState: 1, stack: '' };

beforeEach(() => sendMessage.mockClear());

describe('a simulation the hook would ignore is refused, not reported done', () => {
  it('a server close or a stall on a connection still connecting', async () => {
    const hub = hubWith([connection('a', 1, [])]);
    const close = { kind: 'close', code: 1012, reason: '' } as const;
    expect(await simulate(hub, TAB, 'a', 'connection', close)).toBe(t('bg_sim_not_open'));
    expect(await simulate(hub, TAB, 'a', 'connection', { kind: 'stall', seconds: 5 })).toBe(t('bg_sim_not_open'));
    expect(sendMessage).not.toHaveBeenCalled();
    // A drop while connecting is what a refused handshake looks like: the hook does it.
    expect(await simulate(hub, TAB, 'a', 'connection', { kind: 'drop' })).toBeUndefined();
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('any simulation on a connection the page is closing', async () => {
    const hub = hubWith([connection('a', 1, [opened, pageClose])]);
    expect(await simulate(hub, TAB, 'a', 'connection', { kind: 'drop' })).toBe(t('bg_sim_closing'));
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('a stall while an earlier one lasts, but one after it ended', async () => {
    const stall: SocketEvent = { type: 'stall', at: 3, seconds: 30, simulated: true };
    const end: SocketEvent = { type: 'stall-end', at: 4, outcome: 'delivered', heldIn: 0, heldOut: 0, simulated: true };
    const hub = hubWith([connection('a', 1, [opened, stall]), connection('b', 2, [opened, stall, end])]);
    const again = { kind: 'stall', seconds: 5 } as const;
    expect(await simulate(hub, TAB, 'a', 'connection', again)).toBe(t('bg_sim_stalling'));
    expect(sendMessage).not.toHaveBeenCalled();
    // A close during a stall is what a server may still do.
    expect(await simulate(hub, TAB, 'a', 'connection', { kind: 'close', code: 1001, reason: '' })).toBeUndefined();
    expect(await simulate(hub, TAB, 'b', 'connection', again)).toBeUndefined();
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('for the endpoint, only the connections the hook acts on are sent the command', async () => {
    const hub = hubWith([
      connection('a', 1, [opened]),
      connection('b', 2, []),
      connection('c', 3, [opened, pageClose]),
    ]);
    expect(await simulate(hub, TAB, 'b', 'endpoint', { kind: 'close', code: 1001, reason: '' })).toBeUndefined();
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect((sendMessage.mock.calls[0] as unknown[])[1]).toMatchObject({
      msg: { command: { t: 'simulate-close', k: 1 } },
    });
  });
});

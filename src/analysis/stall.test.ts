import { describe, expect, it } from 'vitest';
import { emptyCounters, type Connection, type SocketEvent } from '../protocol/recording';
import { judgeStalls, STALL_NOTICE_WINDOW_S } from './stall';

const T = 1_700_000_000_000;
const S = 1000;

function conn(
  id: string,
  createdAt: number,
  events: SocketEvent[],
  url = 'wss://a.example/ws?t=1',
  documentId = 'd1',
): Connection {
  return {
    id,
    api: 'WebSocket',
    url,
    protocols: [],
    frameId: 0,
    documentId,
    frameUrl: 'https://a.example/',
    createdAt,
    stack: '',
    events,
    counters: emptyCounters(),
  };
}
const stall = (at: number, seconds: number): SocketEvent => ({ type: 'stall', at, seconds, simulated: true });
const stallEnd = (at: number, outcome: 'delivered' | 'dropped'): SocketEvent => ({
  type: 'stall-end',
  at,
  outcome,
  heldIn: 0,
  heldOut: 0,
  simulated: true,
});
const closeCall = (at: number): SocketEvent => ({ type: 'close-call', at, readyState: 1, stack: '' });
const close = (at: number): SocketEvent => ({ type: 'close', at, code: 1000, reason: '', wasClean: true });

describe('judging a stall', () => {
  it.each<{ name: string; events: SocketEvent[]; others?: Connection[]; now: number; want: object }>([
    {
      name: 'heartbeat app closes after 12.4 s: fits',
      events: [stall(T, 60), closeCall(T + 12.4 * S), close(T + 12.5 * S), stallEnd(T + 12.5 * S, 'dropped')],
      now: T + 20 * S,
      want: {
        state: 'noticed',
        how: 'closed',
        noticedAfterS: 12.4,
        level: 'fits',
        text: { id: 'analysis_stall_noticed_closed', subs: ['12.40 s'] },
      },
    },
    {
      name: 'replaced by a new socket to the same endpoint (other query): fits',
      events: [stall(T, 60), stallEnd(T + 60 * S, 'delivered')],
      others: [conn('n', T + 31.2 * S, [], 'wss://a.example/ws?t=2')],
      now: T + 61 * S,
      want: {
        state: 'noticed',
        how: 'replaced',
        noticedAfterS: 31.2,
        level: 'fits',
        text: { id: 'analysis_stall_noticed_replaced', subs: ['31.20 s'] },
      },
    },
    {
      name: 'a socket to another endpoint or another document is no reaction',
      events: [stall(T, 8), stallEnd(T + 8 * S, 'delivered')],
      others: [conn('x', T + S, [], 'wss://b.example/ws'), conn('y', T + S, [], 'wss://a.example/ws', 'd2')],
      now: T + 9 * S,
      want: {
        state: 'not-noticed',
        level: 'info',
        watchedS: 8,
        text: { id: 'analysis_stall_not_noticed_short', subs: ['8.00 s', '60'] },
      },
    },
    {
      name: 'never noticed in a 60 s stall: advice with the heartbeat explanation',
      events: [stall(T, 60), stallEnd(T + 60 * S, 'delivered')],
      now: T + 61 * S,
      want: { state: 'not-noticed', level: 'advice', explanation: { id: 'analysis_stall_heartbeat_why' } },
    },
    {
      name: 'noticed after 90 s of a 120 s stall: advice (later than the window)',
      events: [stall(T, 120), closeCall(T + 90 * S), close(T + 90.1 * S), stallEnd(T + 90.1 * S, 'dropped')],
      now: T + 100 * S,
      want: {
        state: 'noticed',
        level: 'advice',
        noticedAfterS: 90,
        explanation: { id: 'analysis_stall_heartbeat_why' },
      },
    },
    {
      name: 'noticed at 60.04 s: within the tolerance, fits',
      events: [stall(T, 120), closeCall(T + 60.04 * S)],
      now: T + 61 * S,
      want: { state: 'noticed', level: 'fits' },
    },
    {
      name: 'a close() before the stall does not count',
      events: [closeCall(T - S), stall(T, 10), stallEnd(T + 10 * S, 'delivered')],
      now: T + 11 * S,
      want: { state: 'not-noticed', level: 'info' },
    },
    {
      name: 'a close() after the stall ended does not count',
      events: [stall(T, 10), stallEnd(T + 10 * S, 'delivered'), closeCall(T + 11 * S)],
      now: T + 12 * S,
      want: { state: 'not-noticed', level: 'info', watchedS: 10 },
    },
    {
      name: 'still running: pending',
      events: [stall(T, 60)],
      now: T + 5 * S,
      want: { state: 'running', level: 'pending', text: { id: 'analysis_stall_running', subs: ['60'] } },
    },
    {
      name: 'the server closed during the stall: not noticed for as long as it lasted',
      events: [stall(T, 60), close(T + 70 * S)],
      now: T + 80 * S,
      want: { state: 'not-noticed', level: 'advice', watchedS: 70 },
    },
    {
      name: 'no stall-end and no close after the planned end (document gone): watched until the planned end',
      events: [stall(T, 60)],
      now: T + 90 * S,
      want: { state: 'not-noticed', level: 'advice', watchedS: 60 },
    },
  ])('$name', ({ events, others = [], now, want }) => {
    const c = conn('c', T - 5 * S, events);
    const [r] = judgeStalls(c, [c, ...others], now);
    expect(r).toMatchObject(want);
  });

  it('judges each stall of a connection separately', () => {
    const c = conn('c', T - S, [
      stall(T, 5),
      stallEnd(T + 5 * S, 'delivered'),
      stall(T + 10 * S, 5),
      closeCall(T + 12 * S),
    ]);
    expect(judgeStalls(c, [c], T + 20 * S).map((r) => r.state)).toEqual(['not-noticed', 'noticed']);
  });

  it('the window is one named minute', () => {
    expect(STALL_NOTICE_WINDOW_S).toBe(60);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { withoutSockjsSession } from './link';
import { chain, type ChainSpec } from './test-fixtures';

// SockJS's WebSocket transport (sockjs-client, used by Spring's STOMP over SockJS and by Meteor) opens
// `<base>/<server id>/<session id>/websocket`, with a new random server and session id for every connection,
// so each reconnect goes to a new path on the same host and asks for no subprotocol.
const SESSIONS = ['237/42ceiz2v', '662/qbboivja', '089/pmovxu3s', '889/vmqmlkqi', '990/0kxl0nb1'];
const sockjs = (k: number) => `wss://app.example.com/stomp/${SESSIONS[k % SESSIONS.length]}/websocket`;

function judged(spec: Omit<ChainSpec, 'url' | 'attemptUrl'>) {
  const c = chain({ ...spec, url: sockjs(0), attemptUrl: sockjs });
  const a = analyzeRecording(c.recording, { now: c.now });
  const v = a.verdictByClosure[c.triggerId];
  return { rule: v?.rule, delays: a.episodes.find((e) => e.triggerId === c.triggerId)?.delaysS };
}

describe('SockJS sessions: a new session path is the same endpoint', () => {
  it('a 1012 answered by a new session after 2 s fits (not "no reconnect")', () => {
    expect(judged({ code: 1012, delays: [2] })).toEqual({ rule: 'restart.fits', delays: [2] });
  });
  it('a 1013 answered by doubling waits across new sessions fits', () => {
    expect(judged({ code: 1013, delays: [1, 2, 4] })).toEqual({ rule: 'overload.fits', delays: [1, 2, 4] });
  });
  it('a 1008 retried with a new session but the same request is a blind retry', () => {
    expect(judged({ code: 1008, delays: [2] }).rule).toBe('terminal.blind-retry');
  });
});

describe('withoutSockjsSession', () => {
  it.each([
    [
      'a SockJS session path loses its two ids',
      'wss://h.example/stomp/237/42ceiz2v/websocket',
      'wss://h.example/stomp/websocket',
    ],
    ['at the root of the host', 'ws://h.example/000/a/websocket', 'ws://h.example/websocket'],
    ['a query after the path stays', 'wss://h.example/s/089/pmovxu3s/websocket?t=1', 'wss://h.example/s/websocket?t=1'],
    [
      'an app path with a two-digit id keeps it',
      'wss://h.example/rooms/42/abc/websocket',
      'wss://h.example/rooms/42/abc/websocket',
    ],
    [
      'a four-digit id is no SockJS server id',
      'wss://h.example/rooms/2024/abc/websocket',
      'wss://h.example/rooms/2024/abc/websocket',
    ],
    [
      'a dotted session is no SockJS session',
      'wss://h.example/x/237/a.b/websocket',
      'wss://h.example/x/237/a.b/websocket',
    ],
    [
      'a path that goes on after websocket keeps its ids',
      'wss://h.example/237/abc/websocket/x',
      'wss://h.example/237/abc/websocket/x',
    ],
    ['no session ids at all', 'wss://h.example/websocket', 'wss://h.example/websocket'],
  ])('%s', (_name, url, expected) => {
    expect(withoutSockjsSession(url)).toBe(expected);
  });
});

/**
 * Codes >= 3000 across protocol contexts (docs/verdicts.md, "Protocol codes"):
 * a protocol's meaning applies only where it is established for the socket (its
 * subprotocol negotiated, or its documented endpoint URL); elsewhere the code
 * has no known meaning and reconnecting is the app's choice.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { chain, type ChainSpec } from './test-fixtures';
import type { Verdict } from './types';

function verdictOf(spec: ChainSpec): Verdict {
  const c = chain(spec);
  const v = analyzeRecording(c.recording, { now: c.now }).verdictByClosure[c.triggerId];
  if (!v) throw new Error('no verdict');
  return v;
}

const PLAIN = 'wss://chat.example.com/socket';
const GATEWAY_PATH = 'wss://bots.example.net/gateway?v=10';
const DISCORD = 'wss://gateway.discord.gg/?v=10&encoding=json';
const CENTRIFUGO = 'wss://rt.example.com/connection/websocket';
const GQL = ['graphql-transport-ws'];
const DOUBLING = [1, 2, 4, 8];

describe("a plain endpoint retrying at 1, 2, 4, 8 s: the app's choice, never a blind retry", () => {
  it.each([4400, 4004, 4005, 4429, 3500, 4500, 4401, 4014, 3503])('%i', (code) => {
    expect(verdictOf({ code, url: PLAIN, delays: DOUBLING })).toMatchObject({ level: 'fits', rule: 'app-choice.fits' });
    expect(verdictOf({ code, url: GATEWAY_PATH, delays: DOUBLING })).toMatchObject({
      level: 'fits',
      rule: 'app-choice.fits',
    });
  });

  it('a subprotocol only requested, not negotiated, establishes nothing', () => {
    const c = chain({ code: 4400, url: PLAIN, protocols: GQL, delays: DOUBLING });
    // The server answered with no subprotocol.
    for (const conn of c.recording.connections) for (const e of conn.events) if (e.type === 'open') e.protocol = '';
    expect(analyzeRecording(c.recording, { now: c.now }).verdictByClosure['t']).toMatchObject({
      rule: 'app-choice.fits',
    });
  });

  it('no attempt after such a code is information, not a problem', () => {
    expect(verdictOf({ code: 4400, url: PLAIN, delays: [] })).toMatchObject({
      level: 'info',
      rule: 'app-choice.no-reconnect',
    });
  });
});

describe('where the protocol is established, its meaning decides', () => {
  it.each<[string, ChainSpec, string, string]>([
    [
      'graphql-ws 4400 (negotiated), same request again',
      { code: 4400, url: PLAIN, protocols: GQL, delays: DOUBLING },
      'problem',
      'terminal.blind-retry',
    ],
    [
      'graphql-ws 4500 (negotiated), no retry',
      { code: 4500, url: PLAIN, protocols: GQL, delays: [] },
      'fits',
      'terminal.no-retry',
    ],
    [
      'graphql-ws 4408 (negotiated, retried by the client), doubling',
      { code: 4408, url: PLAIN, protocols: GQL, delays: DOUBLING },
      'fits',
      'app-choice.fits',
    ],
    [
      'Discord 4004 at its gateway host, same request again',
      { code: 4004, url: DISCORD, delays: DOUBLING },
      'problem',
      'terminal.blind-retry',
    ],
    [
      'Discord 4000 at its gateway host, doubling',
      { code: 4000, url: DISCORD, delays: DOUBLING },
      'fits',
      'app-choice.fits',
    ],
    [
      'Centrifugo 3500 at its endpoint, same request again',
      { code: 3500, url: CENTRIFUGO, delays: DOUBLING },
      'problem',
      'terminal.blind-retry',
    ],
    [
      'Centrifugo 3500 at its endpoint, new token',
      { code: 3500, url: CENTRIFUGO, delays: [1], attemptUrl: () => `${CENTRIFUGO}?token=new` },
      'fits',
      'terminal.changed-request',
    ],
    [
      // The registry's 3003 (Forbidden) would be a blind retry; Centrifugo's 3000–3499 ask the client to reconnect.
      "Centrifugo 3003 at its endpoint, doubling: its meaning, not the registry's",
      { code: 3003, url: CENTRIFUGO, delays: DOUBLING },
      'fits',
      'app-choice.fits',
    ],
    [
      'Centrifugo 3000 at its endpoint, no attempt',
      { code: 3000, url: CENTRIFUGO, delays: [] },
      'info',
      'app-choice.no-reconnect',
    ],
    [
      "the registry's 3003 where no protocol is established, same request again",
      { code: 3003, url: PLAIN, delays: DOUBLING },
      'problem',
      'terminal.blind-retry',
    ],
    [
      "the registry's 3000 where no protocol is established, no attempt",
      { code: 3000, url: PLAIN, delays: [] },
      'fits',
      'terminal.no-retry',
    ],
  ])('%s', (_name, spec, level, rule) => {
    expect(verdictOf(spec)).toMatchObject({ level, rule });
  });
});

describe('a protocol code that asks to retry later (Discord 4008): judged like 1013, giving up allowed', () => {
  it.each<[string, number[], string, string]>([
    ['no attempt: information', [], 'info', 'retry-later.no-reconnect'],
    ['0.2 s: too soon', [0.2], 'problem', 'retry-later.too-soon'],
    ['doubling from 1 s', DOUBLING, 'fits', 'retry-later.fits'],
    ['constant 1 s, five waits: no backoff', [1, 1, 1, 1, 1], 'problem', 'retry-later.no-backoff'],
  ])('%s', (_name, delays, level, rule) => {
    expect(verdictOf({ code: 4008, url: DISCORD, delays })).toMatchObject({ level, rule });
  });

  it('the same code on a plain endpoint has no known meaning', () => {
    expect(verdictOf({ code: 4008, url: PLAIN, delays: [] })).toMatchObject({
      level: 'info',
      rule: 'app-choice.no-reconnect',
    });
  });

  it('says what it expected', () => {
    expect(verdictOf({ code: 4008, url: DISCORD, delays: [] }).expected).toMatchObject({
      minS: 0.5,
      text: { id: 'verdict_expected_retry_later' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DISCORD_TERMINAL_CODES } from './codes-discord';
import { reconnectAdvice } from './index';
import type { CodeContext, ReconnectAdvice } from './types';

const GQL: CodeContext = { protocol: 'graphql-transport-ws' };
const DISCORD: CodeContext = { url: 'wss://gateway.discord.gg/?v=10' };
const CENTRIFUGO: CodeContext = { url: 'wss://rt.example.com/connection/websocket' };

describe('reconnectAdvice: the default profile for the core codes', () => {
  it.each<[number, ReconnectAdvice]>([
    [1000, 'none'],
    [1001, 'none'],
    [1005, 'none'],
    [1002, 'do-not-resend'],
    [1003, 'do-not-resend'],
    [1007, 'do-not-resend'],
    [1008, 'do-not-resend'],
    [1009, 'do-not-resend'],
    [1010, 'do-not-resend'],
    [3000, 'do-not-resend'],
    [3003, 'do-not-resend'],
    [1006, 'app-choice'],
    [1011, 'app-choice'],
    [1014, 'app-choice'],
    [3008, 'app-choice'],
    [1012, 'restart'],
    [1013, 'backoff'],
    // No known meaning: the app decides.
    [3999, 'app-choice'],
    [4242, 'app-choice'],
  ])('%i → %s', (code, advice) => {
    expect(reconnectAdvice(code)).toBe(advice);
  });
});

describe('reconnectAdvice: protocol codes', () => {
  it.each(DISCORD_TERMINAL_CODES)('Discord %i must not be reconnected', (code) => {
    expect(reconnectAdvice(code, DISCORD)).toBe('do-not-resend');
  });

  it.each<[number, ReconnectAdvice]>([
    [4000, 'app-choice'],
    [4005, 'app-choice'],
    [4007, 'app-choice'],
    [4008, 'backoff'],
    [4009, 'app-choice'],
  ])('Discord %i allows reconnecting → %s', (code, advice) => {
    expect(reconnectAdvice(code, DISCORD)).toBe(advice);
  });

  it.each<[number, ReconnectAdvice]>([
    // The graphql-ws client's fatal codes...
    [4004, 'do-not-resend'],
    [4005, 'do-not-resend'],
    [4400, 'do-not-resend'],
    [4401, 'do-not-resend'],
    [4406, 'do-not-resend'],
    [4409, 'do-not-resend'],
    [4429, 'do-not-resend'],
    [4500, 'do-not-resend'],
    // ...and the ones it retries.
    [4403, 'app-choice'],
    [4408, 'app-choice'],
    [4499, 'app-choice'],
    [4504, 'app-choice'],
  ])('graphql-ws %i → %s', (code, advice) => {
    expect(reconnectAdvice(code, GQL)).toBe(advice);
  });

  it.each<[number, ReconnectAdvice]>([
    [3001, 'app-choice'],
    [3500, 'do-not-resend'],
    [3503, 'do-not-resend'],
    [4100, 'app-choice'],
    [4600, 'do-not-resend'],
  ])('Centrifugo %i → %s', (code, advice) => {
    expect(reconnectAdvice(code, CENTRIFUGO)).toBe(advice);
  });
});

describe('reconnectAdvice: a merely possible protocol never decides', () => {
  const PLAIN: CodeContext = { url: 'wss://chat.example.com/socket' };
  const REQUESTED_ONLY: CodeContext = { url: 'wss://chat.example.com/graphql' };
  const GATEWAY_PATH: CodeContext = { url: 'wss://bots.example.net/gateway?v=10' };

  it.each<[number, CodeContext | undefined]>([
    // graphql-ws's fatal codes, Discord's terminal ones and Centrifugo's terminal range, with no protocol established.
    [4400, PLAIN],
    [4004, PLAIN],
    [4005, PLAIN],
    [4429, PLAIN],
    [4500, PLAIN],
    [3500, PLAIN],
    [4004, undefined],
    [4005, undefined],
    [4400, REQUESTED_ONLY],
    [4004, GATEWAY_PATH],
    [4014, GATEWAY_PATH],
  ])('%i in %j: no known meaning, the app decides', (code, ctx) => {
    expect(reconnectAdvice(code, ctx)).toBe('app-choice');
  });

  it('the same codes keep their meaning where the protocol is established', () => {
    expect(reconnectAdvice(4400, GQL)).toBe('do-not-resend');
    expect(reconnectAdvice(4004, DISCORD)).toBe('do-not-resend');
    expect(reconnectAdvice(3500, CENTRIFUGO)).toBe('do-not-resend');
  });
});

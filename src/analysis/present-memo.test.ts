import { describe, expect, it } from 'vitest';
import { allEntries, allRanges } from '../knowledge';
import type { CodeContext } from '../knowledge/types';
import { analyzeRecording } from '.';
import { codeMeaningKey, codeMemoFor, presentClosure, presentCode, presentRecording, type CodeMemo } from './present';
import { conn, recordingOf, T0 } from './test-fixtures';

// Every code the knowledge base names, every range's edges, and codes no one defines.
const CODES = [
  ...new Set([
    ...allEntries().map((e) => e.code),
    ...allRanges().flatMap((r) => [r.from, r.to]),
    1005,
    3500,
    4123,
    4999,
    -1,
    65_535,
  ]),
];

// URLs that share a memo key with another (query, fragment, case of the text kept) and ones that must not.
const URLS = [
  undefined,
  '',
  'wss://api.example.com/live',
  'wss://api.example.com/live?token=1',
  'wss://api.example.com/live#frag',
  'wss://api.example.com/live?token=2#frag',
  'wss://API.example.com/live?x',
  'wss://gateway.discord.gg/?v=10&encoding=json',
  'wss://gateway.discord.gg/',
  'wss://gateway-us-east1-b.discord.gg/?v=10',
  'wss://evil.example/gateway.discord.gg?x',
  'wss://chat.example/connection/websocket?cf_ws_frame_ping_pong=true',
  'wss://chat.example/connection/websocket',
  'wss://chat.example/connection/websocket#x',
  'wss://chat.example/connection/websocket/other',
  // A URL parser trims trailing spaces: here the path ends in /connection/websocket, after a query it does not.
  'wss://chat.example/connection/websocket ',
  'wss://chat.example/connection/websocket ?q',
  'wss://chat.example/connection/websocket?q ',
  'not a url',
  'not a url?q',
  '?only-query',
  'wss://user:pa?ss@gateway.discord.gg/',
];
const PROTOCOLS = [undefined, '', 'graphql-transport-ws', 'graphql-ws', 'centrifuge-protobuf', 'chat.v2'];

const CONTEXTS: CodeContext[] = URLS.flatMap((url) =>
  PROTOCOLS.map((protocol) => ({
    ...(url !== undefined && { url }),
    ...(protocol !== undefined && { protocol }),
  })),
);

describe('the code memo', () => {
  it.each([
    ['in order', CONTEXTS],
    ['in reverse order', [...CONTEXTS].reverse()],
  ])('gives the uncached answer for every code in every context (%s)', (_, contexts) => {
    // One memo for all: a meaning cached for one context is what every context of its key gets.
    const memo: CodeMemo = new Map();
    for (const context of contexts) {
      for (const code of CODES) expect(presentCode(code, context, memo)).toEqual(presentCode(code, context));
    }
    expect(memo.size).toBeLessThan(contexts.length * CODES.length);
  });

  it.each([
    [1000, { url: 'wss://a.example/' }, { url: 'wss://b.example/', protocol: 'chat.v2' }, true],
    [4004, { url: 'wss://a.example/x?1' }, { url: 'wss://a.example/x?2' }, true],
    [4004, { url: 'wss://a.example/x#1' }, { url: 'wss://a.example/x?2' }, true],
    [4004, { url: 'wss://a.example/x' }, { url: 'wss://a.example/x?2' }, false],
    [4004, { url: 'wss://a.example/x' }, { url: 'wss://a.example/y' }, false],
    [4004, { protocol: '' }, {}, true],
    [4004, { protocol: 'graphql-transport-ws' }, {}, false],
  ] as const)('%i: %j and %j share a key: %s', (code, a, b, same) => {
    expect(codeMeaningKey(code, a) === codeMeaningKey(code, b)).toBe(same);
  });

  it('keeps each closure its own context', () => {
    const memo: CodeMemo = new Map();
    const a = presentCode(4004, { url: 'wss://a.example/x?1' }, memo);
    const b = presentCode(4004, { url: 'wss://a.example/x?2' }, memo);
    expect(a.context.url).toBe('wss://a.example/x?1');
    expect(b.context.url).toBe('wss://a.example/x?2');
    expect(b.lookup).toBe(a.lookup);
  });

  it('presents closures and recordings as without a memo', () => {
    const rec = recordingOf([
      conn({ id: 'a', createdAt: T0, url: 'wss://a.example/ws?s=1', openAfter: 10, closeAfter: 900, code: 4004 }),
      conn({ id: 'b', createdAt: T0 + 1000, url: 'wss://a.example/ws?s=2', closeAfter: 20, code: 1006 }),
      conn({ id: 'c', createdAt: T0 + 2000, url: 'wss://gateway.discord.gg/?v=10', closeAfter: 40, code: 4004 }),
      conn({ id: 'o', createdAt: T0 + 3000, openAfter: 5 }),
    ]);
    const analysis = analyzeRecording(rec, { now: T0 + 10_000 });
    const memo = codeMemoFor(analysis);
    expect(codeMemoFor(analysis)).toBe(memo);
    for (const closure of analysis.closures) {
      const c = rec.connections.find((x) => x.id === closure.connectionId);
      if (!c) throw new Error('no connection');
      const verdict = analysis.verdictByClosure[c.id];
      expect(presentClosure(c, closure, verdict, memo)).toEqual(presentClosure(c, closure, verdict));
    }
    const presented = presentRecording(rec, analysis);
    for (const c of rec.connections) {
      const closure = analysis.closures.find((x) => x.connectionId === c.id);
      const fresh = closure ? presentClosure(c, closure, analysis.verdictByClosure[c.id]) : undefined;
      expect(presented.get(c.id)?.closure).toEqual(fresh);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { categoryOf, detectProtocols, lookupCode } from './index';
import type { CodeContext, CodeLookup } from './types';

/** A lookup reduced to what a reader cares about: which protocol(s) answered, or which range. */
function summary(found: CodeLookup): string {
  switch (found.kind) {
    case 'known':
      return `${found.entry.protocol} ${found.entry.code}`;
    case 'ambiguous':
      return `no known meaning (range ${found.range.from}-${found.range.to}); if: ${found.entries.map((e) => e.protocol).join(', ')}`;
    case 'range':
      return `range ${found.range.protocol ?? 'websocket'} ${found.range.from}-${found.range.to}`;
  }
}

const GQL: CodeContext = { protocol: 'graphql-transport-ws', url: 'wss://api.example.com/graphql' };
const LEGACY_GQL: CodeContext = { protocol: 'graphql-ws', url: 'wss://api.example.com/graphql' };
const DISCORD: CodeContext = { url: 'wss://gateway.discord.gg/?v=10&encoding=json' };
const DISCORD_RESUME: CodeContext = { url: 'wss://gateway-us-east1-b.discord.gg/?v=10' };
const GATEWAY_PATH: CodeContext = { url: 'wss://bots.example.net/gateway?v=10' };
const CENTRIFUGO: CodeContext = { url: 'wss://rt.example.com/connection/websocket' };
const CENTRIFUGO_PB: CodeContext = { protocol: 'centrifuge-protobuf', url: 'wss://rt.example.com/ws' };
const PLAIN: CodeContext = { url: 'wss://chat.example.com/socket' };
const OTHER_SUBPROTOCOL: CodeContext = { protocol: 'mqtt', url: 'wss://broker.example.com/mqtt' };

describe('lookupCode', () => {
  it.each<[string, number, CodeContext | undefined, string]>([
    // The 4004 collision: an established protocol decides, else the code has no known meaning.
    ['graphql-ws subprotocol', 4004, GQL, 'graphql-ws 4004'],
    ['Discord gateway host', 4004, DISCORD, 'discord 4004'],
    ['Discord regional resume host', 4004, DISCORD_RESUME, 'discord 4004'],
    // Any app may name a path /gateway: only Discord's documented hosts establish Discord.
    ['a /gateway path elsewhere', 4004, GATEWAY_PATH, 'no known meaning (range 4000-4999); if: graphql-ws'],
    ['no context', 4004, undefined, 'no known meaning (range 4000-4999); if: graphql-ws, discord'],
    ['no context', 4005, undefined, 'no known meaning (range 4000-4999); if: graphql-ws, discord'],
    ['graphql-ws subprotocol', 4005, GQL, 'graphql-ws 4005'],
    ['Discord gateway host', 4005, DISCORD, 'discord 4005'],
    // A plain URL rules Discord out (its gateway lives elsewhere) but not graphql-ws without a subprotocol.
    ['a plain URL, no subprotocol', 4004, PLAIN, 'no known meaning (range 4000-4999); if: graphql-ws'],
    ['a foreign subprotocol', 4004, OTHER_SUBPROTOCOL, 'range websocket 4000-4999'],
    // The legacy subprotocol named graphql-ws is subscriptions-transport-ws: no graphql-ws codes.
    ['legacy graphql-ws subprotocol', 4400, LEGACY_GQL, 'range websocket 4000-4999'],
    ['legacy graphql-ws subprotocol', 4004, LEGACY_GQL, 'range websocket 4000-4999'],
    ['graphql-ws subprotocol', 4400, GQL, 'graphql-ws 4400'],
    ['graphql-ws subprotocol', 4499, GQL, 'graphql-ws 4499'],
    ['graphql-ws subprotocol, code it does not define', 4001, GQL, 'range websocket 4000-4999'],
    ['Discord host, code it does not define', 4400, DISCORD, 'range websocket 4000-4999'],
    ['Discord host, 4006 (voice only)', 4006, DISCORD, 'range websocket 4000-4999'],
    // Standard codes always resolve to RFC/IANA, whatever the protocol.
    ['graphql-ws subprotocol', 1000, GQL, 'websocket 1000'],
    ['Discord gateway host', 1006, DISCORD, 'websocket 1006'],
    ['Centrifugo URL', 1012, CENTRIFUGO, 'websocket 1012'],
    ['no context', 1016, undefined, 'range websocket 1016-2999'],
    // IANA 3xxx: registered meaning unless a confirmed protocol defines the code.
    ['no context', 3008, undefined, 'websocket 3008'],
    ['a plain URL', 3003, PLAIN, 'websocket 3003'],
    ['Centrifugo URL', 3008, CENTRIFUGO, 'centrifugo 3008'],
    ['graphql-ws subprotocol', 3000, GQL, 'websocket 3000'],
    // Centrifugo by path or by its protobuf subprotocol.
    ['Centrifugo URL', 3500, CENTRIFUGO, 'centrifugo 3500'],
    ['Centrifugo protobuf subprotocol', 3001, CENTRIFUGO_PB, 'centrifugo 3001'],
    ['Centrifugo URL, unnamed code', 3000, CENTRIFUGO, 'range centrifugo 3000-3499'],
    ['no context', 3500, undefined, 'no known meaning (range 3000-3999); if: centrifugo'],
    ['a foreign subprotocol', 3500, OTHER_SUBPROTOCOL, 'range websocket 3000-3999'],
    // A negotiated foreign subprotocol rules a protocol out even at its documented endpoint: Centrifugo's
    // JSON clients negotiate none and its protobuf ones centrifuge-protobuf; Discord's gateway negotiates none.
    [
      'Centrifugo path, foreign subprotocol',
      3500,
      { protocol: 'mqtt', url: CENTRIFUGO.url },
      'range websocket 3000-3999',
    ],
    ['Centrifugo path, foreign subprotocol', 3008, { protocol: 'mqtt', url: CENTRIFUGO.url }, 'websocket 3008'],
    [
      'Discord host, graphql-ws subprotocol',
      4004,
      { protocol: 'graphql-transport-ws', url: DISCORD.url },
      'graphql-ws 4004',
    ],
    ['Discord host, foreign subprotocol', 4014, { protocol: 'mqtt', url: DISCORD.url }, 'range websocket 4000-4999'],
    ['no context', 4242, undefined, 'range websocket 4000-4999'],
    ['no context', 70000, undefined, 'range websocket 0-999'],
  ])('%s: %i → %s', (_label, code, ctx, expected) => {
    expect(summary(lookupCode(code, ctx))).toBe(expected);
  });

  it('returns each possible protocol\'s entry whole, for "if this is <protocol>"', () => {
    const found = lookupCode(4004);
    expect(found.kind === 'ambiguous' && found.entries.map((e) => e.nameId)).toEqual([
      'code_gqlws_4004_name',
      'code_discord_4004_name',
    ]);
  });
});

describe('detectProtocols', () => {
  it.each<[CodeContext | undefined, string[]]>([
    [undefined, []],
    [GQL, ['graphql-ws']],
    [LEGACY_GQL, []],
    [DISCORD, ['discord']],
    [CENTRIFUGO, ['centrifugo']],
    [CENTRIFUGO_PB, ['centrifugo']],
    [PLAIN, []],
    [{ url: 'not a url' }, []],
  ])('%j → %j', (ctx, expected) => {
    expect(detectProtocols(ctx)).toEqual(expected);
  });
});

describe('categoryOf', () => {
  it.each<[number, CodeContext | undefined, string]>([
    [1000, undefined, 'normal'],
    [1006, undefined, 'abnormal'],
    [1012, undefined, 'restart'],
    [1013, undefined, 'overload'],
    [1014, undefined, 'server-error'],
    [3000, undefined, 'policy'],
    [4004, DISCORD, 'policy'],
    [4004, GQL, 'application'],
    // No protocol established: the range's category, whatever the candidates say.
    [4004, undefined, 'application'],
    [4401, { url: 'wss://chat.example.com/socket' }, 'application'],
    [3500, undefined, 'registered'],
    [1500, undefined, 'reserved'],
    [4242, undefined, 'application'],
    [6000, undefined, 'invalid'],
  ])('%i in %j → %s', (code, ctx, expected) => {
    expect(categoryOf(code, ctx)).toBe(expected);
  });
});

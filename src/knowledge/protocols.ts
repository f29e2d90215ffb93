/**
 * Which application protocol a socket speaks, judged from its context.
 * Each protocol says whether the context establishes it ('confirmed': its
 * subprotocol was negotiated, or the URL is its documented endpoint), rules it
 * out, or leaves it possible. Only an established protocol gives a code its
 * meaning; possible ones are listed as "if this is <protocol>" and never decide
 * a verdict (docs/verdicts.md, "Protocol codes").
 */
import {
  CENTRIFUGE_PROTOBUF_SUBPROTOCOL,
  CENTRIFUGO_ENTRIES,
  CENTRIFUGO_PROTOCOL,
  CENTRIFUGO_RANGES,
} from './codes-centrifugo';
import { DISCORD_ENTRIES, DISCORD_PROTOCOL } from './codes-discord';
import { GRAPHQL_TRANSPORT_WS_SUBPROTOCOL, GRAPHQL_WS_ENTRIES, GRAPHQL_WS_PROTOCOL } from './codes-graphql-ws';
import type { CodeContext, CodeEntry, CodeRange } from './types';
import { textMemo } from '../protocol/text-memo';
import { urlUpToQuery } from './url-prefix';

export type ProtocolMatch = 'confirmed' | 'possible' | 'excluded';

export interface ProtocolDef {
  id: string;
  entries: readonly CodeEntry[];
  ranges: readonly CodeRange[];
  match(ctx: CodeContext): ProtocolMatch;
}

/** The legacy subprotocol named `graphql-ws` is subscriptions-transport-ws, not the graphql-ws library. */
export const LEGACY_GRAPHQL_WS_SUBPROTOCOL = 'graphql-ws';

interface UrlParts {
  hostname: string;
  pathname: string;
}

/**
 * Parsed URLs by their text up to the query. Every lookup of a code parses its socket's URL, and a view
 * re-judges the whole recording on each update: with thousands of sockets on a few endpoints, URL
 * parsing was a large part of it. Only host and path are read, so sockets whose URLs differ only in
 * the query (a token each) share one entry. Bounded; dropped whole when full.
 */
const parsedUrls = textMemo((url): UrlParts | null => {
  try {
    const u = new URL(url);
    return { hostname: u.hostname, pathname: u.pathname };
  } catch {
    return null;
  }
}, 2048);

function parseUrl(url: string | undefined): UrlParts | undefined {
  return url ? (parsedUrls(urlUpToQuery(url)) ?? undefined) : undefined;
}

const graphqlWs: ProtocolDef = {
  id: GRAPHQL_WS_PROTOCOL,
  entries: GRAPHQL_WS_ENTRIES,
  ranges: [],
  match: ({ protocol }) => {
    if (protocol === GRAPHQL_TRANSPORT_WS_SUBPROTOCOL) return 'confirmed';
    // graphql-ws always negotiates graphql-transport-ws; any other subprotocol
    // (including the legacy "graphql-ws") rules it out.
    return protocol ? 'excluded' : 'possible';
  },
};

/**
 * Discord's documented gateway host and its regional resume hosts (gateway-us-east1-b.discord.gg, …).
 * A path named /gateway elsewhere is not Discord's endpoint: any app may use that path.
 */
const DISCORD_GATEWAY_HOST = /^gateway(?:-[a-z0-9-]+)?\.discord\.gg$/;

const discord: ProtocolDef = {
  id: DISCORD_PROTOCOL,
  entries: DISCORD_ENTRIES,
  ranges: [],
  match: ({ protocol, url }) => {
    // The gateway negotiates no subprotocol and lives at the hosts above: a negotiated one rules it out there too.
    if (protocol) return 'excluded';
    const u = parseUrl(url);
    if (u && DISCORD_GATEWAY_HOST.test(u.hostname)) return 'confirmed';
    return u ? 'excluded' : 'possible';
  },
};

const centrifugo: ProtocolDef = {
  id: CENTRIFUGO_PROTOCOL,
  entries: CENTRIFUGO_ENTRIES,
  ranges: CENTRIFUGO_RANGES,
  match: ({ protocol, url }) => {
    if (protocol === CENTRIFUGE_PROTOBUF_SUBPROTOCOL) return 'confirmed';
    // JSON clients negotiate no subprotocol; a server may mount the endpoint on any
    // path, so only a foreign subprotocol rules Centrifugo out, at its usual path too.
    if (protocol) return 'excluded';
    return parseUrl(url)?.pathname.endsWith('/connection/websocket') ? 'confirmed' : 'possible';
  },
};

export const PROTOCOLS: readonly ProtocolDef[] = [graphqlWs, discord, centrifugo];

/** Protocol ids the context confirms (normally zero or one). */
export function detectProtocols(ctx: CodeContext | undefined): string[] {
  if (!ctx) return [];
  return PROTOCOLS.filter((p) => p.match(ctx) === 'confirmed').map((p) => p.id);
}

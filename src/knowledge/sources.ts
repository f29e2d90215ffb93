/**
 * Public references the knowledge base cites. The extension never fetches
 * them: they are shown as links so a reader can check each claim.
 */
import type { SourceRef } from './types';

export const SRC_RFC6455: SourceRef = {
  labelId: 'code_src_rfc6455',
  url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1',
};

export const SRC_IANA: SourceRef = {
  labelId: 'code_src_iana',
  url: 'https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number',
};

export const SRC_RFC6455_RANGES: SourceRef = {
  labelId: 'code_src_rfc6455_ranges',
  url: 'https://www.rfc-editor.org/rfc/rfc6455#section-7.4.2',
};

/** The CloseCode enum of the graphql-ws library (subprotocol graphql-transport-ws). */
export const SRC_GRAPHQL_WS: SourceRef = {
  labelId: 'code_src_graphql_ws',
  url: 'https://github.com/enisdenjo/graphql-ws/blob/master/src/common.ts',
};

/** graphql-ws's client: where 4499 Terminated is raised and which codes it treats as fatal. */
export const SRC_GRAPHQL_WS_CLIENT: SourceRef = {
  labelId: 'code_src_graphql_ws_client',
  url: 'https://github.com/enisdenjo/graphql-ws/blob/master/src/client.ts',
};

export const SRC_DISCORD: SourceRef = {
  labelId: 'code_src_discord',
  url: 'https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes',
};

export const SRC_CENTRIFUGO: SourceRef = {
  labelId: 'code_src_centrifugo',
  url: 'https://centrifugal.dev/docs/server/codes',
};

/** The reconnect rule by range is stated in the Centrifuge library's Disconnect type. */
export const SRC_CENTRIFUGE_RANGES: SourceRef = {
  labelId: 'code_src_centrifuge_ranges',
  url: 'https://github.com/centrifugal/centrifuge/blob/master/disconnect.go',
};

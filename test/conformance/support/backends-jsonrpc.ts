/**
 * An Ethereum node's JSON-RPC WebSocket endpoint (as geth, Anvil or a hosted RPC provider answers it), as a
 * `ws` server answering what viem's webSocket transport and ethers' WebSocketProvider send: `eth_subscribe` to
 * `newHeads` answered with a subscription id and new heads pushed on it, `eth_unsubscribe`, `net_version`
 * (viem's keep-alive) and `eth_chainId` (ethers asks it first). And rpc-websockets' own JSON-RPC server.
 */
import type { WebSocket, WebSocketServer } from 'ws';
import { createRequire } from 'node:module';
import type { Backend } from './scenario-server';
import { wsBackend } from './backends';
import { ECHOES_PER_OPEN } from './library-types';

/**
 * rpc-websockets' Server, from its Node build. Its package's exports name only `browser` and `node` conditions,
 * which TypeScript's bundler resolution does not pick, so it is required, with the little of its type used here.
 */
const { Server: RpcWebSocketsServer } = createRequire(import.meta.url)('rpc-websockets') as {
  Server: new (options: { noServer: true }) => {
    wss: WebSocketServer;
    register(name: string, fn: (params: unknown) => unknown): unknown;
  };
};

interface RpcRequest {
  id: number | string | null;
  method: string;
  params?: unknown[];
}

/** The chain id `net_version` answers with (mainnet's). */
const NET_VERSION = '1';

/**
 * Answers each request as a node does. A `newHeads` subscription gets the next ECHOES_PER_OPEN heads of the
 * server's chain at once (a node pushes one per block; the page counts each as an echo). Block numbers run on
 * across connections, as a chain's do, so the page tells a new connection's first head by its number.
 */
export const jsonRpcBackend = (): Backend =>
  wsBackend((wss: WebSocketServer) => {
    let block = 0;
    let subscriptions = 0;
    wss.on('connection', (ws: WebSocket) => {
      const reply = (id: RpcRequest['id'], result: unknown) => ws.send(JSON.stringify({ jsonrpc: '2.0', id, result }));
      ws.on('message', (data) => {
        const req = JSON.parse(String(data)) as RpcRequest;
        if (req.method === 'net_version') reply(req.id, NET_VERSION);
        else if (req.method === 'eth_chainId') reply(req.id, `0x${Number(NET_VERSION).toString(16)}`);
        else if (req.method === 'eth_unsubscribe') reply(req.id, true);
        else if (req.method === 'eth_subscribe' && req.params?.[0] === 'newHeads') {
          const subscription = `0x${(++subscriptions).toString(16)}`;
          reply(req.id, subscription);
          for (let i = 0; i < ECHOES_PER_OPEN; i++) {
            const number = `0x${(block++).toString(16)}`;
            ws.send(
              JSON.stringify({
                jsonrpc: '2.0',
                method: 'eth_subscription',
                params: { subscription, result: { number } },
              }),
            );
          }
        } else
          ws.send(JSON.stringify({ jsonrpc: '2.0', id: req.id, error: { code: -32601, message: 'method not found' } }));
      });
    });
  });

/**
 * rpc-websockets' own server (its Node build), unmodified, on the scenario server's upgrades: one method,
 * `echo`, that returns its parameters, as an app registers its methods.
 */
export const rpcWebsocketsBackend = (): Backend => {
  const rpc = new RpcWebSocketsServer({ noServer: true });
  rpc.register('echo', (params) => params);
  return wsBackend(() => undefined, rpc.wss);
};

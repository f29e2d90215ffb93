/**
 * viem 2.58 (utils/rpc/socket.ts: getSocketRpcClient, attemptReconnect, setup; utils/rpc/webSocket.ts): every
 * close of the transport's socket, and every `error` event, whatever the code (1000 included), is reconnected
 * after a fixed `reconnect.delay` (2 s), no randomness, the timer asked for at the first of the two events a
 * failed handshake fires (its `error`); at most `reconnect.attempts` (5) in a row, the count going back to 0
 * when a socket opens. Once they are spent it drops the client, and nothing reconnects until the app's next
 * request. Before each wait it calls close() on the socket that already closed. Its other timers: each request's
 * timeout (10 s, cleared by the answer) and the keep-alive (`net_version` every 30 s, on setInterval).
 */
import type { DelayModel } from './models';

/** viem's socket RPC client with `reconnect: { attempts, delay }` (delay in s). */
export function viemModel(opts: { attempts: number; delay: number }): DelayModel {
  return {
    reconnectsAfter: () => opts.attempts > 0,
    // One attempt per refusal, and one more that gets through, until the attempts run out.
    plan: (_code, refusals) => ({
      attempts: Math.min(refusals + 1, opts.attempts),
      accepted: refusals < opts.attempts,
    }),
    immediate: () => false,
    range: () => [opts.delay, opts.delay],
    sample: (_code, n) => Array.from({ length: Math.min(n, opts.attempts) }, () => opts.delay),
    summary: `constant ${opts.delay} s, at most ${opts.attempts} attempts in a row, then it gives up; any code (1000 too)`,
  };
}

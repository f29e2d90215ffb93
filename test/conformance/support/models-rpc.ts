/**
 * - rpc-websockets 10.0 (dist/index.browser.mjs: CommonClient's constructor and _connect; the browser build
 *   a bundler picks, which @solana/web3.js's Connection uses): every close but 1000 is reconnected, whatever its
 *   code (1001 and 1005 too), a refused handshake's too, after a fixed `reconnect_interval` (1000 ms), no
 *   randomness, the timer asked for in the socket's close listener. Each close counts one in
 *   `current_reconnects` before the check `max_reconnects > current_reconnects` (or `max_reconnects` 0: no
 *   limit), and an open sets it back to 0: the default `max_reconnects` of 5 makes at most 4 attempts in a row,
 *   then it emits `max_reconnects_reached` (a 1 ms timer) and stays closed. Its other timers: the `close`
 *   event it emits to the app on a zero-delay timer (only for a socket that opened), and a call's reply
 *   timeout (only when the app passes one).
 * - ethers 6.17 (lib.esm/providers/provider-websocket.js, provider-socket.js): WebSocketProvider never
 *   reconnects. It sets the socket's onopen and onmessage and no close handler (its onclose is commented out),
 *   so after any close the provider stays on the closed socket and tells the app nothing. An app that wants a
 *   reconnect passes its own WebSocket, with a close listener, in place of the URL (as ethers' maintainer
 *   advises), and makes a new socket and a new provider itself: its delays are the app's.
 */
import { fixedSchedule, type DelayModel } from './models';

/** rpc-websockets' Client with `reconnect_interval` (s) and `max_reconnects` (0: no limit). */
export function rpcWebsocketsModel(opts: { interval: number; maxReconnects: number }): DelayModel {
  // The counter is raised before it is compared: max_reconnects n allows n − 1 attempts in a row.
  const limit = opts.maxReconnects === 0 ? Infinity : opts.maxReconnects - 1;
  const reconnectsAfter = (code: number) => code !== 1000 && limit > 0;
  return {
    reconnectsAfter,
    plan: (code, refusals) =>
      reconnectsAfter(code)
        ? { attempts: Math.min(refusals + 1, limit), accepted: refusals < limit }
        : { attempts: 0, accepted: false },
    immediate: () => false,
    range: () => [opts.interval, opts.interval],
    sample: (_code, n) => Array.from({ length: Math.min(n, limit) }, () => opts.interval),
    summary: `constant ${opts.interval} s, ${
      opts.maxReconnects === 0
        ? 'no limit'
        : `at most ${limit} attempts in a row (max_reconnects ${opts.maxReconnects}), then it gives up`
    }; none after 1000, any other code`,
  };
}

/** ethers' WebSocketProvider alone: no reconnect, whatever the code. */
export const ETHERS_MODEL: DelayModel = {
  reconnectsAfter: () => false,
  plan: () => ({ attempts: 0, accepted: false }),
  immediate: () => false,
  range: () => [NaN, NaN],
  sample: () => [],
  summary: 'no reconnect, whatever the code: the provider has no close handler and tells the app nothing',
};

/** The app's reconnect around ethers: a new WebSocket and provider `delay` s after each close, any code. */
export const ethersAppModel = (delay: number): DelayModel =>
  fixedSchedule(() => delay, `the app's: a new socket and provider ${delay} s after each close, any code`);

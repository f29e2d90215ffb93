/**
 * socketcluster-client 20 (lib/clientsocket.js: the constructor's autoReconnectOptions, _tryReconnect,
 * _destroy, _onOpen; lib/transport.js: the socket's close and error handlers, _resetPingTimeout, the connect
 * timeout): every close of a connected socket below 4500 but 1000 is reconnected, whatever its code; 4000 (its
 * own ping timeout), 4001 and 1005 at once (a zero-delay timer), the others after
 * round(round(initialDelay + randomness · random) · multiplier^attempts), at most maxDelay: 10–20 s by default,
 * ×1.5, cap 60 s, a new draw per attempt. A refused handshake's `error` aborts the connecting socket as 1006 and
 * counts an attempt, so the next wait grows; `attempts` goes back to 0 when a handshake is answered. Its other
 * timers: the connect timeout (20 s, cleared on open), the ping timeout (the server's pingTimeout, re-armed by
 * every ping the server sends: when it runs out the client closes the socket itself with 4000), and the
 * handshake's ack timeout (10 s, cleared by the answer).
 */
import { persistent, times, type DelayModel } from './models';

export interface ScReconnect {
  /** autoReconnectOptions, in ms, as the app passes them. */
  initialDelay: number;
  randomness: number;
  multiplier: number;
  maxDelay: number;
}

/** The defaults of clientsocket.js. */
export const SC_DEFAULT_RECONNECT: ScReconnect = {
  initialDelay: 10_000,
  randomness: 10_000,
  multiplier: 1.5,
  maxDelay: 60_000,
};

const AT_ONCE = (code: number) => code === 4000 || code === 4001 || code === 1005;

/** socketcluster-client's AGClientSocket with `o` as its autoReconnectOptions. */
export function socketClusterModel(o: ScReconnect): DelayModel {
  const reconnectsAfter = (code: number) => code !== 1000 && code < 4500;
  const at = (k: number, r: number) =>
    Math.min(Math.round(Math.round(o.initialDelay + o.randomness * r) * o.multiplier ** (k - 1)), o.maxDelay) / 1000;
  const s = (ms: number) => ms / 1000;
  return {
    reconnectsAfter,
    plan: persistent(reconnectsAfter),
    immediate: () => false,
    range: (code, k) => (k === 1 && AT_ONCE(code) ? [0, 0] : [at(k, 0), at(k, 1)]),
    sample: (code, n, rand) => times(n, (k) => (k === 1 && AT_ONCE(code) ? 0 : at(k, rand()))),
    summary: `${s(o.initialDelay)}–${s(o.initialDelay + o.randomness)} s (a new draw per attempt) ×${o.multiplier}^k, cap ${s(o.maxDelay)} s; none after 1000 and 4500 up, at once after 4000, 4001 and 1005`,
  };
}

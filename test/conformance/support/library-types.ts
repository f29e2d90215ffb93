/** What the conformance suite knows of each library under test (the list itself: libraries.ts). */
import type { Server } from 'node:http';
import type { LibraryId } from './library-ids';
import type { Backend } from './scenario-server';
import type { PageTimer } from './page';
import type { DelayModel } from './models';

export interface LibraryConfig {
  /** 'default', or what the non-default configuration changes. */
  label: string;
  /** Options passed to the library as written (JSON). */
  options: Record<string, unknown>;
  model: DelayModel;
}

export interface Library {
  id: LibraryId;
  backend(http: Server): Backend;
  configs: readonly LibraryConfig[];
  /**
   * Page script (classic, runs after the bundle): create the client, count
   * opens, closes and echoed messages in `window.__h` (see page.ts).
   * `O` is the options object and `WS`/`ORIGIN` the server, all defined before it.
   */
  harness: string;
  /**
   * The subprotocol its server negotiates, and the protocols whose close codes Closeline must take as
   * established for such a socket (knowledge/protocols.ts): checked on every socket of the recording that opened.
   */
  subprotocol?: { negotiated: string; establishes: readonly string[] };
  /** Timers the library arms for other reasons than reconnecting (from its source); they are not reconnect delays. */
  otherTimers?: (t: PageTimer) => boolean;
  /**
   * Timers whose delay the library works out from the clock (from its source), so the runs with and
   * without the extension ask for them a few milliseconds apart: compared by presence, not delay.
   */
  clockTimers?: (t: PageTimer) => boolean;
  /**
   * Timers armed beside the reconnect timer whose end races it (subscriptions-transport-ws's connect timeout:
   * cancelled by the next attempt when that comes first, else run with nothing left to do): compared by their
   * delay, not by whether they were cancelled, which follows which of two timers a few ms apart ran first.
   */
  raceTimers?: (t: PageTimer) => boolean;
  /**
   * Zero-delay timers a bundled polyfill or the library uses as its task queue (the browser `process.nextTick`
   * shim runs each batch of queued callbacks from one, and clears a second; ethers drains its request queue from
   * one): how many depends on how the socket's data and the page's calls fell in the browser's tasks, not on
   * anything the library decides, so they are left out of the exact comparison.
   */
  queueTimers?: (t: PageTimer) => boolean;
  /**
   * Timers a library re-arms at every ping its server sends on the server's own clock (socketcluster-client's
   * ping timeout): how many it asked for follows how long the scenario ran in that browser, so they are left
   * out of the exact comparison (none of them fires while the server pings).
   */
  heartbeatTimers?: (t: PageTimer) => boolean;
  /**
   * Page expression (a promise) awaited after the page's draws and timers restart and before the server
   * closes, for a library whose reconnect depends on where the close lands in a cycle of its own.
   */
  closeWhen?: string;
}

/** Messages the page sends on each (re)connection; the server echoes each. */
export const ECHOES_PER_OPEN = 3;

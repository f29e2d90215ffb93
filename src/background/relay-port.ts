/**
 * One relay's runtime port: hello first, then batches; acks go back on the same port.
 * Everything a relay sends is decoded again here (validate-relay.ts): a relay in a
 * hostile page, or one of an older version, is not trusted any more than the page.
 */
import type { Runtime } from 'webextension-polyfill';
import { isRelayToBackground, wrap, type BackgroundToRelay } from '../protocol/messages';
import { clampUrl } from '../protocol/clamp';
import { attempt } from '../protocol/decode';
import { RELAY_LIMITS } from '../protocol/limits';
import { relayBatch, relayHello } from '../protocol/validate-relay';
import type { Hub } from './hub';

/** The part of a runtime port the background uses (a fake in tests). */
export type RelayPortLike = Pick<Runtime.Port, 'sender' | 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'>;

function documentIdOf(sender: Runtime.MessageSender): string | undefined {
  const id = (sender as { documentId?: unknown }).documentId;
  return typeof id === 'string' ? id.slice(0, RELAY_LIMITS.documentIdChars) : undefined;
}

/**
 * One queue per worker start (keyed by its `ready`): messages of every port are handled in the order they
 * arrived, across ports. With a queue per port, a restarted worker took the first message of every port
 * before the second of any: a new document's hello before an older document's re-sent batch, whose
 * sockets then joined the recording after their document had been ended.
 */
const queues = new WeakMap<Promise<void>, { chain: Promise<void> }>();

/**
 * The port each document said hello on last, by tab and document. A relay's port closes when its document
 * goes away (a removed frame, a navigation, the tab closing); only that document's latest port closing says
 * so: a document back from the back/forward cache says hello on a new port after closing its old one.
 */
const latestPort = new Map<string, RelayPortLike>();

function queueOf(ready: Promise<void>): { chain: Promise<void> } {
  let q = queues.get(ready);
  if (!q) queues.set(ready, (q = { chain: ready }));
  return q;
}

export function acceptRelay(port: RelayPortLike, hub: Hub, ready: Promise<void>, now: () => number = Date.now): void {
  const sender = port.sender;
  const tabId = sender?.tab?.id;
  if (!sender || tabId === undefined) return port.disconnect();
  let docId: string | undefined;
  let open = true;
  const queue = queueOf(ready);
  const later = (fn: () => void) => {
    // One port's failure must not stop the queue every port shares; nothing is handled if loading failed.
    queue.chain = queue.chain
      .then(() => ready)
      .then(fn)
      .catch(() => undefined);
  };
  // The document went away. Its relay says so at pagehide, but a document.open() erases every listener
  // the relay has on its window (pagehide too; the relay adds them again a microtask later), so a frame
  // removed in the same task kept its sockets open in the recording for good. The port closing is told to
  // the background whatever the page did.
  port.onDisconnect.addListener(() => {
    open = false;
    later(() => {
      if (docId === undefined || latestPort.get(`${tabId}:${docId}`) !== port) return;
      latestPort.delete(`${tabId}:${docId}`);
      hub.documentGone(tabId, docId);
    });
  });
  const ack = (seq: number) => {
    if (open) port.postMessage(wrap<BackgroundToRelay>({ type: 'ack', seq }));
  };
  const handle = (raw: unknown) => {
    if (!isRelayToBackground(raw)) return;
    if (raw.msg.type === 'hello') {
      const hello = attempt(relayHello, raw.msg, 'hello');
      if (!hello) return;
      const url = sender.url === undefined ? undefined : clampUrl(sender.url);
      const { origin } = sender as { origin?: unknown };
      docId = hub.hello(
        {
          tabId,
          frameId: sender.frameId ?? 0,
          documentId: documentIdOf(sender),
          url,
          ...(typeof origin === 'string' && { origin }),
        },
        hello,
      );
      latestPort.set(`${tabId}:${docId}`, port);
    } else if (docId !== undefined) {
      // A batch without a sequence number or event list is no batch (nothing to ack or count).
      const batch = attempt((v) => relayBatch(v, now()), raw.msg, 'batch');
      if (batch) hub.batch(tabId, docId, batch, ack);
    }
  };
  // Messages (and the port's closing, after them) are handled in arrival order, across ports, even though
  // loading is async.
  port.onMessage.addListener((raw: unknown) => later(() => handle(raw)));
}

/** One relay's runtime port: hello first, then batches; acks go back on the same port. */
import type { Runtime } from 'webextension-polyfill';
import { isRelayToBackground, wrap } from '../protocol/messages';
import { clampUrl } from '../protocol/clamp';
import type { Hub } from './hub';

function documentIdOf(sender: Runtime.MessageSender): string | undefined {
  const id = (sender as { documentId?: unknown }).documentId;
  return typeof id === 'string' ? id.slice(0, 64) : undefined;
}

export function acceptRelay(port: Runtime.Port, hub: Hub, ready: Promise<void>): void {
  const sender = port.sender;
  const tabId = sender?.tab?.id;
  if (!sender || tabId === undefined) return port.disconnect();
  let docId: string | undefined;
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  const ack = (seq: number) => {
    if (open) port.postMessage(wrap({ type: 'ack', seq }));
  };
  // Messages are handled in arrival order even though loading is async.
  let chain = ready;
  port.onMessage.addListener((raw: unknown) => {
    chain = chain.then(() => {
      if (!isRelayToBackground(raw)) return;
      const msg = raw.msg;
      if (msg.type === 'hello') {
        if (typeof msg.docNonce !== 'string' || typeof msg.url !== 'string') return;
        docId = hub.hello(
          // The page chooses its own URL (a megabyte fragment is easy): every copy stored is clamped.
          { tabId, frameId: sender.frameId ?? 0, documentId: documentIdOf(sender), url: sender.url === undefined ? undefined : clampUrl(sender.url) },
          { ...msg, url: clampUrl(msg.url), docNonce: msg.docNonce.slice(0, 64), isTop: msg.isTop === true },
        );
      } else if (docId !== undefined && Number.isSafeInteger(msg.seq) && Array.isArray(msg.events)) {
        hub.batch(tabId, docId, msg, ack);
      }
    });
  });
}

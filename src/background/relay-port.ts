/** One relay's runtime port: hello first, then batches; acks go back on the same port. */
import type { Runtime } from 'webextension-polyfill';
import { isRelayToBackground, wrap } from '../protocol/messages';
import type { Hub } from './hub';

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
          { tabId, frameId: sender.frameId ?? 0, documentId: (sender as { documentId?: string }).documentId, url: sender.url },
          { ...msg, url: msg.url.slice(0, 2048), docNonce: msg.docNonce.slice(0, 64) },
        );
      } else if (docId !== undefined && Number.isSafeInteger(msg.seq) && Array.isArray(msg.events)) {
        hub.batch(tabId, docId, msg, ack);
      }
    });
  });
}

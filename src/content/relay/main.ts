/**
 * ISOLATED-world relay: takes the hook's private port (once, synchronously at
 * document_start), validates and
 * admits each event, and forwards it through the uplink. Anything on the public
 * window.postMessage channel that claims to be Closeline is a forgery: it is
 * counted as rejected and never stored.
 */
import browser from 'webextension-polyfill';
import {
  HOOK_HELLO_TAG,
  HOOK_PORT_REPLY,
  HOOK_PORT_REQUEST,
  PROTOCOL_SOURCE,
  RELAY_PORT_NAME,
  isRelayCommand,
  isRelayPing,
  wrap,
  type RelayEvent,
  type RelayPong,
} from '../../protocol/messages';
import { validateCommand } from '../../protocol/commands';
import { clampUrl } from '../../protocol/clamp';
import { Admission } from './admission';
import { Uplink } from './uplink';
import { closeCodeRuleFor, validateHookEvent } from '../../protocol/validate-hook-event';
import { watchLifecycle } from './lifecycle';
import { watchCaptureSetting } from './capture-setting';
import { contentSiteOf } from '../../protocol/capture-policy';
import { lastingListeners } from './lasting';
import { watchSelfPosts } from './self-posts';

export function startRelay(win: Window): void {
  // At document_start the document is still loading. Firefox also runs content scripts in the pages already
  // open when the extension is installed or updated: there the page ran before the hook. An about:blank
  // document (a window a page opened, before it navigates or while the page writes into it) is complete
  // from its creation, with the hook in it from then.
  const late = win.document.readyState !== 'loading' && win.location.protocol !== 'about:';
  const docNonce = `n${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  // The document's start, where its navigation is marked, on the hook's clock (its events' times). A
  // prerendered page is navigated to only when it is shown.
  const prerendering = (win.document as Document & { prerendering?: boolean }).prerendering === true;
  const startedAt = prerendering ? undefined : win.performance.timeOrigin + win.performance.now();
  const contextValid = () => {
    try {
      return typeof browser.runtime?.id === 'string';
    } catch {
      return false;
    }
  };
  const uplink = new Uplink({
    connect: () => browser.runtime.connect({ name: RELAY_PORT_NAME }),
    contextValid,
    hello: () => ({
      type: 'hello',
      docNonce,
      url: win.location.href,
      origin: win.origin,
      isTop: win === win.top,
      ...(startedAt !== undefined && { startedAt }),
    }),
    setTimer: (fn, ms) => win.setTimeout(fn, ms),
  });
  const admission = new Admission(() => Date.now());
  // The hook posts close()'s code as the page passed it; browsers make an integer of it differently.
  const codeRule = closeCodeRuleFor(browser.runtime.getURL(''));
  let hookPort: MessagePort | undefined;
  const capture = watchCaptureSetting(contentSiteOf(win.location.href, win.origin), (cmd) =>
    hookPort?.postMessage(cmd),
  );

  // A single-page app changes its address without a new document: each socket says where the page was
  // when it was taken here (a socket event comes within a task of the socket's creation).
  const startUrl = win.location.href;
  const withPage = (ev: Extract<RelayEvent, { t: 'socket' }>) => {
    const href = win.location.href;
    return href === startUrl ? ev : { ...ev, page: clampUrl(href) };
  };

  const onHookMessage = (e: MessageEvent) => {
    if (uplink.isStopped) {
      hookPort?.close();
      return;
    }
    const v = validateHookEvent(e.data, Date.now(), codeRule);
    if (!v.ok) {
      uplink.count('eventsRejected');
      return;
    }
    const ev: RelayEvent = v.event;
    if (ev.truncated) uplink.count('fieldsTruncated', ev.truncated.length);
    switch (admission.admit(ev)) {
      case 'ok':
        uplink.push(ev.t === 'socket' ? withPage(ev) : ev, ev.t === 'close' ? 'soon' : 'batch');
        return;
      case 'socket-rate-limited':
        uplink.count('connectionsRateLimited');
        return;
      case 'over-limit':
        uplink.count('eventsOverflowed');
        return;
      case 'rejected':
        uplink.count('eventsRejected');
        return;
      case 'ignored':
        return;
    }
  };

  // The background asks whether this tab has the hook (tabs opened before install have none),
  // or sends a simulation command for one of this document's sockets.
  browser.runtime.onMessage.addListener((m: unknown) => {
    if (isRelayPing(m)) return Promise.resolve(wrap<RelayPong>(late ? { type: 'pong', late } : { type: 'pong' }));
    if (isRelayCommand(m)) {
      const cmd = validateCommand(m.msg.command);
      if (!cmd || !hookPort) return Promise.resolve(false);
      hookPort.postMessage(cmd);
      return Promise.resolve(true);
    }
    return undefined;
  });
  // The page's document.open() would erase these listeners; these are added again after one.
  const listen = lastingListeners(win.document);
  watchLifecycle(
    win,
    listen,
    (ev, urgent) => uplink.push(ev, urgent ? 'now' : 'batch'),
    () => uplink.resume(),
  );
  // A page the browser prerenders (Speculation Rules, the address bar) runs before the user goes to it, in
  // a frame of its tab that is not the top one (a port's sender is fixed when it connects), while the user
  // is still on the page before it. It says nothing until it is shown: then it is the tab's top page, its
  // navigation is marked, and its sockets (which the browser connects only then) are the top frame's.
  if (prerendering) {
    uplink.hold();
    listen(win.document, 'prerenderingchange', (e) => e.isTrusted && uplink.release(), { capture: true });
  }
  // The top document says hello at once, so navigations are marked even on pages without sockets.
  if (win === win.top) uplink.connectNow();

  // Take the hook's port synchronously: the hook ran just before this script and no page script
  // has run since, so the only answer can come from the hook. Nothing is left in flight that a
  // document.open() from another frame could cut off by erasing this window's listeners.
  const take = (e: Event) => {
    e.stopImmediatePropagation();
    const ports = (e as MessageEvent).ports;
    if (hookPort || !ports || ports.length !== 1) return;
    hookPort = ports[0] as MessagePort;
    hookPort.onmessage = onHookMessage;
    capture.portReady();
  };
  win.addEventListener(HOOK_PORT_REPLY, take, true);
  win.dispatchEvent(new Event(HOOK_PORT_REQUEST));
  win.removeEventListener(HOOK_PORT_REPLY, take, true);

  // Anything on the public channel claiming to be Closeline is a forgery: counted, never stored. Only the
  // page's own posts are looked at: reading `data` makes this world a copy of the message of its own, which
  // for other frames' traffic (often large) would cost every message a second deserialisation. When their
  // `data` may be read without taking anything from the page's own listeners: see self-posts.ts.
  const selfPost = watchSelfPosts({
    isForged: (d) => HOOK_HELLO_TAG in (d as object) || (d as { source?: unknown }).source === PROTOCOL_SOURCE,
    onForged: () => uplink.count('eventsRejected'),
    setTimer: (fn, ms) => win.setTimeout(fn, ms),
  });
  listen(
    win,
    'message',
    (e) => {
      if ((e as MessageEvent).source === win) selfPost(e as MessageEvent);
    },
    { capture: true },
  );
}

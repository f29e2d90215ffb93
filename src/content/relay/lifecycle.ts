/**
 * Page lifecycle marks, observed by the relay itself (the ISOLATED world sees
 * the same trusted DOM events as the page). They explain throttled reconnect
 * waits (hidden, frozen, offline), and pagehide tells the background that the
 * document's open sockets end with it (and, by its `persisted`, whether the
 * document is gone for good). Unlike the hook's MessagePort, the
 * relay's runtime port still delivers what is sent synchronously from pagehide.
 */
import type { LifecycleState } from '../../protocol/recording';
import type { RelayEvent } from '../../protocol/messages';
import type { Listen } from './lasting';

/**
 * `restored` runs when the document comes back from the back/forward cache (pageshow, persisted): entering
 * the cache closed the relay's port, and the background took the document as gone at its pagehide.
 */
export function watchLifecycle(
  win: Window,
  listen: Listen,
  push: (ev: RelayEvent, urgent: boolean) => void,
  restored: () => void,
): void {
  const doc = win.document;
  const mark = (state: LifecycleState, urgent = false) => push({ t: 'life', at: Date.now(), state }, urgent);
  const on = (target: EventTarget, type: string, fn: (e: Event) => void) =>
    listen(
      target,
      type,
      (e) => {
        if (e.isTrusted) fn(e);
      },
      { capture: true, passive: true },
    );
  if (doc.visibilityState === 'hidden') mark('hidden');
  if (win.navigator.onLine === false) mark('offline');
  on(doc, 'visibilitychange', () => mark(doc.visibilityState === 'visible' ? 'visible' : 'hidden'));
  // A frozen page runs no timers: send at once.
  on(doc, 'freeze', () => mark('frozen', true));
  on(doc, 'resume', () => mark('resumed'));
  on(win, 'online', () => mark('online'));
  on(win, 'offline', () => mark('offline'));
  // Whether the document may come back: false is an unload for good (a reload, a navigation, a closed frame
  // or tab), after which it can never reconnect; true, the back/forward cache, from which it may return.
  on(win, 'pagehide', (e) =>
    push({ t: 'life', at: Date.now(), state: 'pagehide', persisted: (e as PageTransitionEvent).persisted }, true),
  );
  on(win, 'pageshow', (e) => {
    if ((e as PageTransitionEvent).persisted) restored();
  });
}

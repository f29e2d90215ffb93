/**
 * Page lifecycle marks, recorded cheaply: they explain throttled reconnect
 * waits (hidden, frozen, offline) and tell the background when the document is
 * going away with sockets still open (pagehide).
 */
import type { HookContext } from './install';
import type { LifecycleState } from '../../protocol/recording';

export function watchLifecycle(win: Window & typeof globalThis, ctx: HookContext, addEL: typeof EventTarget.prototype.addEventListener): void {
  const doc = win.document;
  const mark = (state: LifecycleState) => ctx.emit({ t: 'life', at: ctx.now(), state });
  const on = (target: EventTarget, type: string, fn: (e: Event) => void) =>
    ctx.apply(addEL, target, [type, (e: Event) => {
      if (e.isTrusted) fn(e);
    }, { capture: true, passive: true }]);
  const visibility = Reflect.getOwnPropertyDescriptor(win.Document.prototype, 'visibilityState')?.get;
  const visible = () => (visibility ? ctx.apply(visibility, doc, []) : 'visible') === 'visible';
  if (!visible()) mark('hidden');
  if (win.navigator.onLine === false) mark('offline');
  on(doc, 'visibilitychange', () => mark(visible() ? 'visible' : 'hidden'));
  on(doc, 'freeze', () => mark('frozen'));
  on(doc, 'resume', () => mark('resumed'));
  on(win, 'online', () => mark('online'));
  on(win, 'offline', () => mark('offline'));
  on(win, 'pagehide', () => {
    // The close events of still-open sockets will not reach us: hand over their counters now.
    for (const key in ctx.live) {
      const rec = ctx.live[key as unknown as number];
      if (rec) ctx.emit({ t: 'counters', k: rec.k, counters: { ...rec.c } });
    }
    mark('pagehide');
  });
}

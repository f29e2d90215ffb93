/**
 * WebSocketStream (Chromium): its `opened` and `closed` promises carry the
 * negotiated protocol and the close code and reason. Message counters are not
 * kept for streams (that would mean wrapping the page's readable/writable
 * streams); the recording says 0 and docs/recording-format.md says why.
 */
import type { HookContext } from './install';
import { emptyCounters } from '../../protocol/recording';

interface StreamLike {
  url: string;
  opened: Promise<{ protocol?: string; extensions?: string }>;
  closed: Promise<{ closeCode?: number; reason?: string }>;
}

export function hookStream(win: Window & typeof globalThis, ctx: HookContext): void {
  const g = win as unknown as Record<string, unknown>;
  const Native = g.WebSocketStream as (new (url: string, opts?: { protocols?: string[] }) => StreamLike) | undefined;
  if (typeof Native !== 'function') return;
  const { apply, construct, defineProperty, getOwnPropertyDescriptor } = Reflect;
  const then = win.Promise.prototype.then;
  const proto = Native.prototype as Record<string, unknown>;
  const keys = new win.WeakMap<object, number>();
  const kGet = win.WeakMap.prototype.get;
  const kSet = win.WeakMap.prototype.set;

  const Wrapped = new Proxy(Native, {
    construct(target, args: unknown[], newTarget) {
      const s = construct(target, args, newTarget) as StreamLike;
      try {
        const k = ctx.nextK();
        apply(kSet, keys, [s, k]);
        const opts = args[1] as { protocols?: unknown } | undefined;
        const p = opts && typeof opts === 'object' ? opts.protocols : undefined;
        ctx.emit({ t: 'socket', k, api: 'WebSocketStream', url: s.url, protocols: ctx.protocolsOf(p), at: ctx.now(), stack: ctx.stack() });
        // Chromium marks these promises handled, so attaching reactions changes no unhandled-rejection behaviour.
        apply(then, s.opened, [
          (v: { protocol?: string; extensions?: string }) => ctx.emit({ t: 'open', k, at: ctx.now(), protocol: v?.protocol ?? '', extensions: v?.extensions ?? '' }),
          () => ctx.emit({ t: 'error', k, at: ctx.now() }),
        ]);
        const counters = emptyCounters();
        apply(then, s.closed, [
          (v: { closeCode?: number; reason?: string }) => ctx.emit({ t: 'close', k, at: ctx.now(), code: v?.closeCode ?? 1005, reason: v?.reason ?? '', wasClean: true, counters }),
          (err: { closeCode?: number; reason?: string }) =>
            ctx.emit({ t: 'close', k, at: ctx.now(), code: typeof err?.closeCode === 'number' ? err.closeCode : 1006, reason: typeof err?.reason === 'string' ? err.reason : '', wasClean: false, counters }),
        ]);
      } catch {
        // never break the page
      }
      return s;
    },
  });
  ctx.mask(Wrapped, Native);

  const closeDesc = getOwnPropertyDescriptor(proto, 'close');
  const nativeClose = closeDesc?.value as ((...a: unknown[]) => unknown) | undefined;
  if (closeDesc && typeof nativeClose === 'function') {
    const wrappedClose = new Proxy(nativeClose, {
      apply(target, thisArg, args: unknown[]) {
        const result = apply(target, thisArg, args);
        const k = typeof thisArg === 'object' && thisArg !== null ? (apply(kGet, keys, [thisArg]) as number | undefined) : undefined;
        if (k !== undefined) {
          // Read data properties only: the native call already ran any getters once; running them again is observable.
          const o = args[0];
          const field = (name: string) => (o && typeof o === 'object' ? getOwnPropertyDescriptor(o, name)?.value : undefined) as unknown;
          const c = field('closeCode');
          const r = field('reason');
          const code = typeof c === 'number' ? c : undefined;
          const reason = typeof r === 'string' ? r : undefined;
          ctx.emit({ t: 'close-call', k, at: ctx.now(), readyState: -1, stack: ctx.stack(), ...(code !== undefined ? { code } : {}), ...(reason !== undefined ? { reason } : {}) });
        }
        return result;
      },
    });
    ctx.mask(wrappedClose, nativeClose);
    defineProperty(proto, 'close', { ...closeDesc, value: wrappedClose });
  }
  const ctorDesc = getOwnPropertyDescriptor(proto, 'constructor');
  if (ctorDesc) defineProperty(proto, 'constructor', { ...ctorDesc, value: Wrapped });
  const desc = getOwnPropertyDescriptor(win, 'WebSocketStream');
  if (desc) defineProperty(win, 'WebSocketStream', { ...desc, value: Wrapped });
}

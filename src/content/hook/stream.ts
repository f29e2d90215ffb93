/**
 * WebSocketStream (Chromium): its `opened` and `closed` promises carry the
 * negotiated protocol and the close code and reason. Message counters are not
 * kept for streams (that would mean wrapping the page's readable/writable
 * streams); the recording says 0 and docs/recording-format.md says why.
 *
 * Everything is read through getters saved at install and own data properties,
 * and `options.protocols` is read exactly once, by the browser, as without the hook.
 */
import type { HookContext } from './install';
import type { AnyFn } from './natives';
import { emptyCounters } from '../../protocol/recording';

export function hookStream(win: Window & typeof globalThis, ctx: HookContext): void {
  const g = win as unknown as Record<string, unknown>;
  const Native = g.WebSocketStream as (new (url: string, opts?: object) => object) | undefined;
  if (typeof Native !== 'function') return;
  const { apply, read, getter, own } = ctx.n;
  const { construct, defineProperty, getOwnPropertyDescriptor, get } = Reflect;
  const then = win.Promise.prototype.then;
  const proto = Native.prototype as Record<string, unknown>;
  const gUrl = getter(proto, 'url');
  const gOpened = getter(proto, 'opened');
  const gClosed = getter(proto, 'closed');
  const WSE = (g.WebSocketError as { prototype?: object } | undefined)?.prototype;
  const gErrCode = WSE && getter(WSE, 'closeCode');
  const gErrReason = WSE && getter(WSE, 'reason');
  const keys = new win.WeakMap<object, number>();
  const kGet = win.WeakMap.prototype.get;
  const kSet = win.WeakMap.prototype.set;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const errField = (gf: AnyFn | undefined, err: unknown) => {
    try {
      return gf ? read(gf, err) : undefined;
    } catch {
      return undefined; // not a WebSocketError
    }
  };

  const Wrapped = new Proxy(Native, {
    construct(target, args: unknown[], newTarget) {
      // The browser reads the options dictionary through this forwarding view; we keep what it read.
      let requested: unknown;
      const o = args[1];
      if ((typeof o === 'object' && o !== null) || typeof o === 'function') {
        args[1] = new Proxy(o, {
          get(t, key) {
            const v = get(t, key);
            if (key === 'protocols') requested = v;
            return v;
          },
        });
      }
      const s = construct(target, args, newTarget) as object;
      try {
        const k = ctx.nextK();
        apply(kSet, keys, [s, k]);
        const now = ctx.now;
        ctx.emit({ t: 'socket', k, api: 'WebSocketStream', url: read(gUrl, s) as string, protocols: ctx.protocolsOf(requested), at: now(), stack: ctx.stack() });
        const counters = emptyCounters();
        // Chromium marks these promises handled, so attaching reactions changes no unhandled-rejection behaviour.
        apply(then, read(gOpened, s), [
          (v: unknown) => ctx.emit({ t: 'open', k, at: now(), protocol: str(own(v, 'protocol')), extensions: str(own(v, 'extensions')) }),
          () => ctx.emit({ t: 'error', k, at: now() }),
        ]);
        apply(then, read(gClosed, s), [
          (v: unknown) => {
            const code = own(v, 'closeCode');
            ctx.emit({ t: 'close', k, at: now(), code: typeof code === 'number' ? code : 1005, reason: str(own(v, 'reason')), wasClean: true, counters });
          },
          (err: unknown) => {
            const code = errField(gErrCode, err);
            ctx.emit({ t: 'close', k, at: now(), code: typeof code === 'number' ? code : 1006, reason: str(errField(gErrReason, err)), wasClean: false, counters });
          },
        ]);
      } catch {
        // never break the page
      }
      return s;
    },
  });
  ctx.mask(Wrapped, Native);

  const closeDesc = getOwnPropertyDescriptor(proto, 'close');
  const nativeClose = closeDesc?.value as AnyFn | undefined;
  if (closeDesc && typeof nativeClose === 'function') {
    const wrappedClose = new Proxy(nativeClose, {
      apply(target, thisArg, args: unknown[]) {
        const result = apply(target, thisArg, args);
        const k = typeof thisArg === 'object' && thisArg !== null ? (apply(kGet, keys, [thisArg]) as number | undefined) : undefined;
        if (k !== undefined) {
          // Own data properties only: the native call already ran any getters once; running them again is observable.
          const c = own(args[0], 'closeCode');
          const r = own(args[0], 'reason');
          ctx.emit({
            t: 'close-call', k, at: ctx.now(), readyState: -1, stack: ctx.stack(),
            ...(typeof c === 'number' ? { code: c } : {}), ...(typeof r === 'string' ? { reason: r } : {}),
          });
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

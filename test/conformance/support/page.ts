/**
 * The test page: a seeded Math.random (so the page with and the page without
 * the extension draw the same "random" delays), a setTimeout that keeps each
 * timer asked for (so the delays a library schedules are compared exactly, not
 * through the loaded machine's timer lateness), the unmodified library bundle,
 * and the library's harness. Only the page's own globals are touched. Harnesses
 * call H.opened(), H.closed(code), H.echoed() and H.note(text).
 */
import { ECHOES_PER_OPEN, type Library, type LibraryConfig } from './libraries';

/** The page's `window.__h`, as the test reads it. */
export interface PageHarness extends PageLog {
  echoes(n: number): Promise<number>;
}

export interface PageLog {
  /** Date.now() of each (re)connection the library reported. */
  opens: number[];
  /** Close codes (or socket.io disconnect reasons) the library reported. */
  closes: (number | string)[];
  /** Date.now() when the library reported each close: the moment its reconnect timer starts. */
  closedAt: number[];
  sent: number;
  received: number;
  notes: string[];
  /**
   * Every value the page's seeded Math.random returned since the reseed just before the server's close,
   * in order. With and without the extension they must be the same: that is what makes the two runs'
   * delays comparable.
   */
  draws: number[];
  /** Every setTimeout the page asked for since the reseed, in the order asked (performance.now times, ms). */
  timers: PageTimer[];
  /** performance.now() when the library reported each close. */
  closedPerf: number[];
  /** performance.timeOrigin, to place the page's times on the wall clock. */
  timeOrigin: number;
}

export interface PageTimer {
  /** The delay asked for, ms. */
  ms: number;
  /** Asked for with setInterval (mqtt.js reconnects on one and clears it once it fired); firedAt is its first run. */
  every?: true;
  at: number;
  firedAt: number | null;
  cleared: boolean;
  /**
   * Set by a harness's `window.__onTimer` on a timer it knows, as it is asked for, is not a reconnect delay
   * (subscriptions-transport-ws's connect timeout, whose delay one of its random reconnect delays may equal).
   */
  other?: true;
}

export function pageHtml(
  lib: Library,
  config: LibraryConfig,
  server: { origin: string; wsOrigin: string },
  seed: number,
  title: string,
): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<script>
  // mulberry32: a small seeded PRNG in place of Math.random, set before the library loads. Each value
  // drawn is kept (a number pushed: no work that could shift the page's timing) for the with/without check.
  // __reseed restarts the sequence just before the server's close, so the draws that make the delays after
  // it are the same in both browsers even if connecting first took one browser an extra, random-drawing retry.
  // Every timer the page asks for after the reseed is kept with the delay it asked for and when it was asked and
  // fired (performance.now): the delay a library schedules is exact, so it is compared exactly with and without
  // the extension; only what the machine adds on top is wall-clock noise. The hook keeps its own setTimeout.
  // setInterval is kept the same way (its first run), and window.__onTimer, when a harness sets it, hears of
  // each timer as it is asked for. Timeout and interval ids share one pool, so one map serves both clears.
  (() => {
    const st = window.setTimeout, si = window.setInterval, ct = window.clearTimeout, ci = window.clearInterval;
    const byId = new Map(), timers = (window.__timers = []);
    const wrap = (start, every) => function (fn, ms, ...rest) {
      const t = { ms: Number(ms) || 0, at: performance.now(), firedAt: null, cleared: false };
      if (every) t.every = true;
      timers.push(t);
      const run = function (...a) { if (!every) byId.delete(id); if (t.firedAt === null) t.firedAt = performance.now(); return fn.apply(this, a); };
      const id = start.call(window, typeof fn === 'function' ? run : fn, ms, ...rest);
      byId.set(id, t);
      if (window.__onTimer) window.__onTimer(t);
      return id;
    };
    const unwrap = (stop) => function (id) {
      const t = byId.get(id);
      if (t) { t.cleared = true; byId.delete(id); }
      return stop.call(window, id);
    };
    window.setTimeout = wrap(st, false);
    window.setInterval = wrap(si, true);
    window.clearTimeout = unwrap(ct);
    window.clearInterval = unwrap(ci);
  })();
  (() => { let a = ${seed >>> 0}; const drawn = (window.__draws = []); window.__reseed = (s) => { a = s >>> 0; drawn.length = 0; window.__timers.length = 0; }; Math.random = () => { a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; const v = ((t ^ (t >>> 14)) >>> 0) / 4294967296; drawn.push(v); return v; }; })();
</script>
<script src="/lib.js"></script>
<script>
  const H = (window.__h = { opens: [], closes: [], closedAt: [], sent: 0, received: 0, notes: [], waits: [], draws: window.__draws, timers: window.__timers, closedPerf: [] });
  // The test awaits echoes through a promise (no polling that would load two busy cores).
  H.echoes = (n) => new Promise((resolve) => { H.waits.push({ n, resolve }); H.check(); });
  H.check = () => { H.waits = H.waits.filter((w) => (H.received >= w.n ? (w.resolve(H.received), false) : true)); };
  H.echoed = () => { H.received++; H.check(); };
  H.opened = () => H.opens.push(Date.now());
  H.closed = (c) => { H.closes.push(c); H.closedAt.push(Date.now()); H.closedPerf.push(performance.now()); };
  H.note = (n) => H.notes.push(n);
  const O = ${JSON.stringify(config.options)};
  const WS = ${JSON.stringify(server.wsOrigin)};
  const ORIGIN = ${JSON.stringify(server.origin)};
  const ECHOES = ${ECHOES_PER_OPEN};
  ${lib.harness}
</script></head><body>${title}</body></html>`;
}

/**
 * The test page: a seeded Math.random (so the page with and the page without
 * the extension draw the same "random" delays), the unmodified library bundle,
 * and the library's harness. Only the page's own globals are touched.
 */
import { ECHOES_PER_OPEN, type Library, type LibraryConfig } from './libraries';

export interface PageLog {
  /** Date.now() of each (re)connection the library reported. */
  opens: number[];
  /** Close codes (or socket.io disconnect reasons) the library reported. */
  closes: (number | string)[];
  sent: number;
  received: number;
  notes: string[];
}

export function pageHtml(lib: Library, config: LibraryConfig, server: { origin: string; wsOrigin: string }, seed: number, title: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<script>
  // mulberry32: a small seeded PRNG in place of Math.random, set before the library loads.
  (() => { let a = ${seed >>> 0}; Math.random = () => { a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; })();
</script>
<script src="/lib.js"></script>
<script>
  const H = (window.__h = { opens: [], closes: [], sent: 0, received: 0, notes: [] });
  H.opened = () => H.opens.push(Date.now());
  H.closed = (c) => H.closes.push(c);
  H.note = (n) => H.notes.push(n);
  const O = ${JSON.stringify(config.options)};
  const WS = ${JSON.stringify(server.wsOrigin)};
  const ORIGIN = ${JSON.stringify(server.origin)};
  const ECHOES = ${ECHOES_PER_OPEN};
  ${lib.harness}
</script></head><body>${title}</body></html>`;
}

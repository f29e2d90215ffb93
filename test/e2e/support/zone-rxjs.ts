/**
 * Angular's stack as a test page, shared by the Chromium and Firefox tests: zone.js's browser bundle (loaded
 * after the hook, as Angular's polyfills load it), RxJS's, and the probe (zone-rxjs-probe.js), served by a
 * local server that answers each of the probe's paths, with what the page must log and what Closeline must
 * record and judge of it.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { TestServer } from './servers';
import { closeEventOf, openEventOf, type Recording } from '../../../src/protocol/recording';
import { analyzeRecording } from '../../../src/analysis';
import type { Analysis } from '../../../src/analysis/types';

// Each package's own browser bundle, unmodified (their exports maps do not name these files).
const bundle = (file: string) => readFileSync(new URL(`../../../node_modules/${file}`, import.meta.url), 'utf8');
const zoneJs = bundle('zone.js/bundles/zone.umd.js');
const rxjsJs = bundle('rxjs/dist/bundles/rxjs.umd.js');
const probe = readFileSync(new URL('../zone-rxjs-probe.js', import.meta.url), 'utf8');

export interface ProbeResult {
  log: unknown[];
  /** [path, 'retry' | 'repeat', ms] for each wait RxJS was asked for. */
  delays: [string, string, number][];
}
export type ProbeApi = {
  zoneRxjsProbe(origin: string): Promise<ProbeResult>;
  zoneRxjsEnd(): Promise<ProbeResult>;
  zoneRxjsAnswers(path: string): number;
  zoneRxjsOpen(path: string): Promise<ProbeResult>;
};

/** Serves the page on `server` and answers its paths; returns the page's URL. */
export function serveZoneRxjsPage(server: TestServer): string {
  const reasons: Record<number, string> = { 1008: 'Token expired', 1012: 'Service restart', 1013: 'Try again later' };
  for (const code of [1008, 1012, 1013])
    void server.connectionTo(`/zone-server-${code}`).then((c) => c.ws.close(code, reasons[code]));
  for (const i of [0, 1, 2]) void server.connectionTo('/rx-busy', i).then((c) => c.ws.close(1013, 'Busy'));
  // Dropped once the page has the socket open (its first message, sent from RxJS's open observer, not
  // echoed): dropped at the handshake, whether the page first saw it open was a race of the network's.
  void server.connectionTo('/rx-drop').then((c) => {
    c.ws.removeAllListeners('message');
    c.ws.once('message', () => c.ws.terminate());
  });
  return server.page(
    '/zone-app',
    `<!doctype html><html><head><script>${zoneJs}</script><script>${rxjsJs}</script><script>${probe}</script></head><body></body></html>`,
  );
}

/** The probe ran as designed without the extension: handlers in their zones, each once; RxJS's waits. */
export function expectProbeRan(up: ProbeResult): void {
  const entries = up.log.map((e) => (e as unknown[])[0]);
  expect(entries.filter((e) => e === 'plain onclose')).toHaveLength(1);
  expect(entries.filter((e) => e === 'plain onmessage')).toHaveLength(1);
  expect(entries).not.toContain('plain removed listener ran');
  expect(entries).not.toContain('plain replaced onmessage ran');
  expect(up.log).toContainEqual([
    'server 1012 onclose',
    'handler-1012',
    { code: 1012, reason: 'Service restart', wasClean: true, trusted: true },
    3,
  ]);
  expect(up.delays).toEqual([
    ['/rx-busy', 'repeat', 1000],
    ['/rx-busy', 'repeat', 2000],
    ['/rx-busy', 'repeat', 4000],
    ['/rx-drop', 'retry', 1000],
  ]);
}

/** Once the probe is up: eleven sockets, nine closed, and each subject's last socket open. */
export const probeIsUp = (r: Recording) =>
  r.connections.length === 11 &&
  r.connections.filter((c) => closeEventOf(c)).length === 9 &&
  r.connections.every((c) => openEventOf(c)) &&
  r;

const path = (url: string) => new URL(url).pathname;

/**
 * What Closeline records and judges of the probe once it is up: who closed each socket with what, and RxJS's
 * waits (each at least what RxJS scheduled, and not much later), judged once every wait window has passed.
 */
export function expectProbeRecorded(rec: Recording): Analysis {
  const byId = new Map(rec.connections.map((c) => [c.id, c]));
  const later = Math.max(...rec.connections.map((c) => openEventOf(c)!.at)) + 61_000;
  const analysis = analyzeRecording(rec, { now: later });
  // In the order the sockets were made, which puts RxJS's two subjects' sockets in the order their timers
  // ran: compared as sorted lists.
  const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  expect(
    sorted(
      analysis.closures.map((c) => [path(byId.get(c.connectionId)!.url), c.code, c.reason, c.wasClean, c.initiator]),
    ),
  ).toEqual(
    sorted([
      ['/zone-plain', 4000, 'page bye', true, 'page'],
      ['/zone-server-1008', 1008, 'Token expired', true, 'server'],
      ['/zone-server-1012', 1012, 'Service restart', true, 'server'],
      ['/zone-server-1013', 1013, 'Try again later', true, 'server'],
      ['/zone-sub', 1005, '', true, 'page'],
      ['/rx-busy', 1013, 'Busy', true, 'server'],
      ['/rx-busy', 1013, 'Busy', true, 'server'],
      ['/rx-busy', 1013, 'Busy', true, 'server'],
      ['/rx-drop', 1006, '', false, 'network-dropped'],
    ]),
  );
  // The page's close(4000, 'page bye') from its zone-wrapped onmessage.
  const plain = rec.connections[0]!;
  const call = plain.events.find((e) => e.type === 'close-call');
  expect(call).toMatchObject({ code: 4000, reason: 'page bye', readyState: 1 });
  expect(call && 'stack' in call && call.stack).toContain('onmessage');
  expect(openEventOf(plain)).toMatchObject({ protocol: 'chat', extensions: '' });
  expect(plain.protocols).toEqual(['chat', 'other']);

  // RxJS's repeat after 1013: 1 s, 2 s, then 4 s, recovered, which fits the recommendation; its retry after
  // the drop: 1 s, recovered.
  const episodeAt = (p: string) => analysis.episodes.find((e) => path(byId.get(e.triggerId)!.url) === p)!;
  const busy = episodeAt('/rx-busy');
  expect(busy).toMatchObject({ code: 1013, outcome: 'recovered' });
  expect(busy.verdict.level).toBe('fits');
  const drop = episodeAt('/rx-drop');
  expect(drop).toMatchObject({ code: 1006, outcome: 'recovered' });
  for (const [ep, scheduled] of [
    [busy, [1, 2, 4]],
    [drop, [1]],
  ] as const) {
    expect(ep.delaysS).toHaveLength(scheduled.length);
    ep.delaysS.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(scheduled[i]! - 0.05);
      expect(d).toBeLessThan(scheduled[i]! + 1.5);
    });
  }
  // The server's 1012 and 1013 with no reconnect in 60 s are problems; the 1008 not retried fits.
  expect(episodeAt('/zone-server-1012').verdict.level).toBe('problem');
  expect(episodeAt('/zone-server-1013').verdict.level).toBe('problem');
  expect(episodeAt('/zone-server-1008').verdict.level).toBe('fits');
  return analysis;
}

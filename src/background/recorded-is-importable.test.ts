/**
 * What Closeline records, it can read back: every event the relay accepts from a hook (and the background
 * accepts from the relay), once applied to a tab's recording, survives an export and an import whole, and
 * a restarted worker's read of storage. The import and the stored read-back check recordings with their
 * own decoders and bounds; a value one side allows and the other refuses loses a user's connection
 * without a word (a WebSocketStream's close() call, readyState -1, once did). Seeded, so a failure replays.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../test-support/seeded-random';
import { validateHookEvent, validateRelayEvent } from '../protocol/validate-hook-event';
import { parseRecording } from '../protocol/validate-recording';
import { EVENT_LIMITS, MAX_STALL_SECONDS, PAGE_URL_CHARS } from '../protocol/limits';
import { exportText } from '../ui/export-recording';
import { LIFECYCLE_STATES } from '../protocol/recording';
import { TabRecording, type DocInfo } from './tab-recording';
import { storedChunk, storedTab } from './stored';

const NOW = 1_750_000_000_000;
type Rnd = () => number;

const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (rnd: Rnd, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

/** Text of up to `max` units from pieces that stress every bound: multi-byte, astral, lone surrogates, secrets. */
function text(rnd: Rnd, max: number): string {
  const pieces = ['a', 'Z', ' ', 'é', 'ب', 'ह', '中', '😀', '\ud800', '\udc00', '\n', '\u0000', 'user:pw@', '?token='];
  const len = pick(rnd, [0, 1, int(rnd, 0, 40), max - 1, max, max + 1, max * 2]);
  let s = '';
  while (s.length < len) s += pick(rnd, pieces);
  return s;
}

const numberLike = (rnd: Rnd): number =>
  pick(rnd, [0, 1, -1, 0.5, 3000.5, 1000, 1005, 4999, 65_535, 65_536, 1e9, Number.MAX_SAFE_INTEGER, 2 ** 60, -5]);

/** A HookRing as the hook posts it: kept texts and `{ d, n }` slots, some malformed. */
function ring(rnd: Rnd, closeAt: number): unknown {
  const n = int(rnd, 0, 9);
  const slot = (): unknown =>
    pick(rnd, [
      () => text(rnd, 1100),
      () => ({ d: text(rnd, 1100), n: int(rnd, 0, 5000) }),
      () => ({ d: new Uint8Array(int(rnd, 0, 70)).map(() => int(rnd, 0, 255)), n: int(rnd, 0, 1e6) }),
      () => ({ n: int(rnd, 0, 1e6) }),
      () => ({ n: -1 }),
      () => 0,
    ])();
  return { data: Array.from({ length: 5 }, slot), at: Array.from({ length: 5 }, () => closeAt - int(rnd, 0, 5000)), n };
}

/** One hook event for socket `k`, as a page's hook (or a page forging one) could post it. */
function hookEvent(rnd: Rnd, k: number, at: number): Record<string, unknown> {
  switch (int(rnd, 0, 6)) {
    case 0:
      return { t: 'open', k, at, protocol: text(rnd, 300), extensions: text(rnd, 300) };
    case 1:
      return {
        t: 'close-call',
        k,
        at,
        readyState: int(rnd, -1, 3),
        stack: text(rnd, 3000),
        ...(rnd() < 0.7 ? { code: numberLike(rnd) } : {}),
        ...(rnd() < 0.7 ? { reason: text(rnd, 130) } : {}),
      };
    case 2:
      return { t: 'error', k, at, sim: rnd() < 0.3 };
    case 3:
      return { t: 'stall', k, at, seconds: int(rnd, 1, MAX_STALL_SECONDS) };
    case 4:
      return {
        t: 'stall-end',
        k,
        at,
        outcome: pick(rnd, ['delivered', 'dropped']),
        heldIn: int(rnd, 0, 1e6),
        heldOut: 0,
      };
    default:
      return {
        t: 'close',
        k,
        at,
        code: int(rnd, 0, 65_535),
        reason: text(rnd, 130),
        wasClean: rnd() < 0.5,
        counters: [numberLike(rnd), numberLike(rnd), numberLike(rnd), numberLike(rnd)],
        unsized: rnd() < 0.2,
        sim: rnd() < 0.2,
        ...(rnd() < 0.6 ? { last: [ring(rnd, at), ring(rnd, at)] } : {}),
      };
  }
}

/** The relay's check, then the background's check of what the relay sent on (as JSON, as a port carries it). */
function throughRelay(raw: unknown): Parameters<TabRecording['apply']>[2] | undefined {
  const atRelay = validateHookEvent(raw, NOW);
  if (!atRelay.ok) return undefined;
  const atBackground = validateRelayEvent(JSON.parse(JSON.stringify(atRelay.event)), NOW);
  expect(atBackground.ok, JSON.stringify(atRelay.event).slice(0, 300)).toBe(true);
  return atBackground.ok ? atBackground.event : undefined;
}

/** A tab's recording made from random hook events on a few sockets and documents. */
function recorded(seed: number): TabRecording {
  const rnd = seededRandom(seed);
  const tab = new TabRecording(3, '0.1.0', NOW - 60_000);
  const docs: [string, DocInfo][] = [0, 1].map((i) => [
    `doc${i}`,
    {
      frameId: i * 7,
      url: `https://app.example/${text(rnd, PAGE_URL_CHARS - 30)}`,
      isTop: i === 0,
      lastSeq: 0,
      gone: false,
    },
  ]);
  for (const [id, doc] of docs) tab.addDoc(id, doc);
  let at = NOW - 50_000;
  for (let k = 1; k <= 6; k++) {
    const [docId, doc] = pick(rnd, docs);
    const protocols = Array.from({ length: pick(rnd, [0, 1, 16, 17]) }, () => text(rnd, 140));
    const socket = {
      t: 'socket',
      k,
      api: pick(rnd, ['WebSocket', 'WebSocketStream']),
      url: `wss://rt.example/${text(rnd, EVENT_LIMITS.urlChars)}`,
      protocols,
      at: (at += int(rnd, 0, 500)),
      stack: text(rnd, 70_000),
    };
    const ev = throughRelay(socket);
    if (ev) tab.apply(docId, doc, ev);
    for (let i = int(rnd, 0, 8); i > 0; i--) {
      const e = throughRelay(hookEvent(rnd, k, (at += int(rnd, -50, 2000))));
      if (e) tab.apply(docId, doc, e);
    }
    if (rnd() < 0.4) {
      const persisted = pick(rnd, [true, false, undefined]);
      const life = { t: 'life', at: (at += 10), state: pick(rnd, LIFECYCLE_STATES), persisted };
      const e = validateRelayEvent(life, NOW);
      if (e.ok) tab.apply(docId, doc, e.event);
    }
  }
  return tab;
}

describe('a recording Closeline made from whatever the relay accepted', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('is imported whole from its export (seed %i)', (seed) => {
    const rec = recorded(seed).recording;
    expect(rec.connections.length).toBeGreaterThan(0);
    for (const [redact, content] of [
      [false, true],
      [true, false],
    ] as const) {
      const res = parseRecording(exportText(rec, redact, NOW, content));
      expect(res.ok ? res.leftOut : res.error).toBeUndefined();
      if (!res.ok) continue;
      expect(res.recording.connections.map((c) => c.id)).toEqual(rec.connections.map((c) => c.id));
      if (!redact) expect(res.recording).toEqual({ ...rec, exportedAt: NOW });
    }
  });

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('is read back whole from storage (seed %i)', (seed) => {
    const tab = recorded(seed);
    const stored = JSON.parse(
      JSON.stringify({ n: tab.recording.connections.map(() => 1), c: tab.recording.connections }),
    );
    const read = storedChunk(stored);
    expect(read.refused).toBe(0);
    const { connections, ...meta } = tab.recording;
    const back = storedTab(
      JSON.parse(JSON.stringify({ recording: meta, docs: tab.docs })),
      read.seqs.map(([c]) => c),
    );
    expect(back?.recording).toEqual(JSON.parse(JSON.stringify(tab.recording)));
    expect(back?.recording.connections.length).toBe(connections.length);
  });
});

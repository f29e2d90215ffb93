import { beforeAll, describe, expect, it } from 'vitest';
import { conn, recordingOf, T0 } from '../fixtures/recording';
import { testServices, verdict } from '../fixtures/analysis';
import { installTestMessages } from '../fixtures/messages';
import { buildRows, type ClosureRow } from './rows';
import { COLUMN_IDS, sortRows, type ColumnId } from './sort-rows';

beforeAll(() => installTestMessages());

// Each connection differs on every column so each sort has one right order.
const rec = recordingOf([
  conn({ id: 'a', at: T0, url: 'wss://b.example/', code: 1012, reason: 'restart', lifeMs: 5000 }),
  conn({ id: 'b', at: T0 + 6000, url: 'wss://c.example/', code: 1006, wasClean: false, lifeMs: 50 }),
  conn({ id: 'c', at: T0 + 7000, url: 'wss://a.example/', code: 1000, reason: 'bye', pageClosed: true, lifeMs: 900 }),
]);
rec.connections[1]!.counters.receivedMessages = 100;
const services = testServices({
  verdicts: { a: verdict('fits'), b: verdict('problem'), c: verdict('info') },
  next: { a: { nextId: 'x', delayS: 2 }, b: { nextId: 'y', delayS: 0.1 } },
});
const rows = buildRows(rec, services.analyze(rec, { profileId: 'default', now: T0 + 10_000 }));

describe('sortRows', () => {
  it.each<[ColumnId, string[]]>([
    ['time', ['a', 'b', 'c']],
    ['url', ['c', 'a', 'b']],
    ['code', ['c', 'b', 'a']],
    ['reason', ['b', 'c', 'a']],
    ['clean', ['b', 'a', 'c']],
    ['initiator', ['b', 'c', 'a']],
    ['lifetime', ['b', 'c', 'a']],
    ['messages', ['a', 'c', 'b']],
    ['delay', ['b', 'a', 'c']],
    ['verdict', ['a', 'c', 'b']],
  ])('by %s ascending, then descending reversed', (column, asc) => {
    expect(sortRows(rows, { column, direction: 'asc' }).map((r) => r.id)).toEqual(asc);
    expect(sortRows(rows, { column, direction: 'desc' }).map((r) => r.id)).toEqual([...asc].reverse());
  });

  it('covers every column', () => {
    expect(new Set(COLUMN_IDS).size).toBe(10);
  });

  it.each([
    ['asc', ['a', 'b', 'c']],
    ['desc', ['c', 'b', 'a']],
  ] as const)('breaks ties by time, in the same direction (%s)', (direction, want) => {
    const closures = rows.filter((r): r is ClosureRow => r.kind === 'closure');
    const same = closures.map((r) => ({ ...r, closure: { ...r.closure, code: 1000 } }));
    expect(sortRows(same, { column: 'code', direction }).map((r) => r.id)).toEqual(want);
  });
});

describe('sortRows with an open connection', () => {
  // 'o' was created between a's close (T0+5010) and b's creation, and is still open.
  const withOpen = recordingOf([...rec.connections, conn({ id: 'o', at: T0 + 5500 })]);
  withOpen.connections[3]!.events = withOpen.connections[3]!.events.filter((e) => e.type === 'open');
  const all = buildRows(withOpen, services.analyze(withOpen, { profileId: 'default', now: T0 + 10_000 }));

  it.each<[ColumnId, string[]]>([
    // Placed by its creation time among the closes.
    ['time', ['a', 'o', 'b', 'c']],
    // No code, lifetime or reconnect yet: after every closure's.
    ['code', ['c', 'b', 'a', 'o']],
    ['lifetime', ['b', 'c', 'a', 'o']],
    // c has no reconnect either: the tie goes by time (o's creation is before c's close).
    ['delay', ['b', 'a', 'o', 'c']],
    // No verdict: before every judged closure.
    ['verdict', ['o', 'a', 'c', 'b']],
  ])('by %s', (column, asc) => {
    expect(sortRows(all, { column, direction: 'asc' }).map((r) => r.id)).toEqual(asc);
  });
});

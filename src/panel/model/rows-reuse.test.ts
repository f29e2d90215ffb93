import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeRecording, createAnalyzer } from '../../analysis';
import { createRecordingRedactor } from '../../protocol/redact';
import { liveSequence, type ChangeKind } from '../../test-support/live-sequence';
import { installTestMessages } from '../fixtures/messages';
import type { HandshakeEntry } from '../network/handshakes';
import { buildRows, withHandshakes, type HandshakeRowCache, type Row, type RowCache } from './rows';

beforeAll(() => installTestMessages());

const LINKING: ChangeKind[] = ['create', 'create', 'open', 'close', 'close', 'close-call', 'time'];

describe('rows built with a cache over versions of a live recording', () => {
  it.each<{ name: string; seed: number; kinds?: ChangeKind[]; redact: boolean }>([
    { name: 'every kind of change', seed: 21, redact: true },
    { name: 'every kind of change, unredacted', seed: 22, redact: false },
    { name: 'closures and reconnects, with eviction', seed: 23, kinds: [...LINKING, 'evict'], redact: true },
    { name: 'with profile changes and imports', seed: 24, kinds: [...LINKING, 'profile', 'import'], redact: true },
    { name: 'with stalls and document ends', seed: 25, kinds: [...LINKING, 'stall', 'document-end'], redact: false },
  ])('are the rows a fresh build makes, at every step: $name', ({ seed, kinds, redact }) => {
    const analyze = createAnalyzer();
    const redactor = createRecordingRedactor();
    const cache: RowCache = new WeakMap();
    for (const [i, s] of liveSequence({ seed, steps: 200, kinds }).entries()) {
      const opts = { profileId: s.profileId, now: s.now };
      const shown = redact ? redactor(s.recording) : s.recording;
      const kept = buildRows(shown, analyze(s.recording, opts), cache);
      const fresh = buildRows(shown, analyzeRecording(s.recording, opts));
      expect(kept, `step ${i}: ${s.what}`).toStrictEqual(fresh);
    }
  });

  it('keep the row objects of connections the update did not change, and rebuild the changed one', () => {
    const steps = liveSequence({ seed: 26, steps: 60, kinds: LINKING });
    const analyze = createAnalyzer();
    const cache: RowCache = new WeakMap();
    let kept = 0;
    let previous: Row[] = [];
    for (const s of steps) {
      const rows = buildRows(s.recording, analyze(s.recording, { profileId: s.profileId, now: s.now }), cache);
      const before = new Map(previous.map((r) => [r.id, r]));
      for (const r of rows) {
        const old = before.get(r.id);
        // A row is kept only for the same connection object; a changed connection gets a new row.
        if (old && old.connection !== r.connection) expect(r).not.toBe(old);
        if (old === r) kept++;
      }
      previous = rows;
    }
    expect(kept).toBeGreaterThan(steps.length);
  });
});

describe('withHandshakes with a cache', () => {
  const entry = (status: number): HandshakeEntry => ({ status }) as unknown as HandshakeEntry;

  it('keeps a joined row while its row and status stay, and joins anew when either changes', () => {
    const s = liveSequence({ seed: 27, steps: 40, kinds: ['create', 'close', 'close'] }).at(-1)!;
    const rows = buildRows(s.recording, analyzeRecording(s.recording, { now: s.now }));
    const closure = rows.find((r) => r.kind === 'closure')!;
    const cache: HandshakeRowCache = new WeakMap();
    const first = entry(403);
    const a = withHandshakes(rows, new Map([[closure.id, first]]), cache);
    const b = withHandshakes(rows, new Map([[closure.id, first]]), cache);
    const c = withHandshakes(rows, new Map([[closure.id, entry(401)]]), cache);
    const joined = (xs: Row[]) => xs.find((r) => r.id === closure.id)!;
    expect(joined(b)).toBe(joined(a));
    expect(joined(c)).not.toBe(joined(a));
    expect(c).toStrictEqual(withHandshakes(rows, new Map([[closure.id, entry(401)]])));
    expect(joined(c)).toMatchObject({ handshake: { status: 401 } });
  });
});

import { describe, expect, it } from 'vitest';
import { parseRecording } from '../../src/protocol/validate-recording';
import { closeEventOf } from '../../src/protocol/recording';
import { analyzeRecording } from '../../src/analysis';
// @ts-expect-error plain JS module without declarations (Node runs it directly)
import { shapedRecording, syntheticRecording } from './synthetic-recording.mjs';

describe('syntheticRecording', () => {
  it.each([[10], [1_000], [10_000]])('%d connections pass the import validator unchanged in count', (n) => {
    const res = parseRecording(JSON.stringify(syntheticRecording({ connections: n })));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.recording.connections).toHaveLength(n);
    // Every connection is closed, so the panel shows a row with a code for each.
    expect(res.recording.connections.every((c) => closeEventOf(c) !== undefined)).toBe(true);
  });

  it('is deterministic and varies codes and hosts', () => {
    const a = syntheticRecording({ connections: 1_000 });
    expect(JSON.stringify(syntheticRecording({ connections: 1_000 }))).toBe(JSON.stringify(a));
    const codes = new Set(
      a.connections.map(
        (c: { events: { type: string; code?: number }[] }) => c.events.find((e) => e.type === 'close')?.code,
      ),
    );
    const hosts = new Set(a.connections.map((c: { url: string }) => new URL(c.url).host));
    expect(codes.size).toBeGreaterThanOrEqual(8);
    expect(hosts.size).toBe(10);
  });

  it('keeps connections in creation order', () => {
    const times = syntheticRecording({ connections: 2_000 }).connections.map((c: { createdAt: number }) => c.createdAt);
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });
});

describe('shapedRecording', () => {
  const analysed = (shape: string) => {
    const res = parseRecording(JSON.stringify(shapedRecording(shape, { connections: 2_000 })));
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    return { recording: res.recording, analysis: analyzeRecording(res.recording, { now: res.recording.exportedAt! }) };
  };

  it('retry-loop: passes the validator, and is one episode of every other connection as attempts', () => {
    const { recording, analysis } = analysed('retry-loop');
    expect(recording.connections).toHaveLength(2_000);
    expect(analysis.episodes).toHaveLength(1);
    expect(analysis.episodes[0]!.attemptIds).toHaveLength(1_999);
  });

  it('crowd: passes the validator, all open at once on one endpoint, each closed', () => {
    const { recording } = analysed('crowd');
    const conns = recording.connections;
    expect(conns).toHaveLength(2_000);
    expect(new Set(conns.map((c) => c.url)).size).toBe(1);
    const lastCreated = Math.max(...conns.map((c) => c.createdAt));
    expect(conns.every((c) => (closeEventOf(c)?.at ?? 0) > lastCreated)).toBe(true);
  });

  it('rejects an unknown shape', () => {
    expect(() => shapedRecording('nope')).toThrow(/unknown shape/);
  });
});

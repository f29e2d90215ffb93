import { describe, expect, it } from 'vitest';
import { applyDelta } from './apply-delta';
import { emptyDropped, emptyRecording, type Connection } from '../../protocol/recording';
import { connectionOf } from '../../test-support/recordings';

const conn = (id: string, createdAt: number, events: Connection['events'] = []): Connection =>
  connectionOf({ id, createdAt, events });

describe('applyDelta', () => {
  const base = { ...emptyRecording(1, '0.1.0', 0), connections: [conn('a', 1), conn('b', 2)] };
  it('replaces changed, removes evicted, inserts new in creation order', () => {
    const closed = conn('b', 2, [{ type: 'close', at: 5, code: 1000, reason: '', wasClean: true }]);
    const out = applyDelta(base, {
      connections: [conn('c', 1.5), closed],
      evicted: ['a'],
      marks: [],
      dropped: { ...emptyDropped(), connectionsEvicted: 1 },
    });
    expect(out.connections.map((c) => c.id)).toEqual(['c', 'b']);
    expect(out.connections[1]?.events).toHaveLength(1);
    expect(out.dropped.connectionsEvicted).toBe(1);
    expect(out).not.toBe(base);
    expect(base.connections.map((c) => c.id)).toEqual(['a', 'b']);
  });
  it('merges marks by time', () => {
    const withMark = {
      ...base,
      marks: [{ type: 'lifecycle' as const, at: 10, frameId: 0, documentId: 'd', state: 'hidden' as const }],
    };
    const out = applyDelta(withMark, {
      connections: [],
      evicted: [],
      marks: [{ type: 'navigation', at: 5, frameId: 0, documentId: 'd', url: 'u' }],
      dropped: emptyDropped(),
    });
    expect(out.marks.map((m) => m.at)).toEqual([5, 10]);
  });
});

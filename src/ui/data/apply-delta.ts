/** Applies a background delta to a view's copy of the recording, returning a new object (React sees the change). */
import type { RecordingDelta } from '../../protocol/messages';
import { byCreation, inCreationOrder, type Connection, type Recording } from '../../protocol/recording';

export function applyDelta(rec: Recording, delta: RecordingDelta): Recording {
  const evicted = new Set(delta.evicted);
  const changed = new Map(delta.connections.map((c) => [c.id, c]));
  const connections: Connection[] = [];
  for (const c of rec.connections) {
    if (evicted.has(c.id)) continue;
    const next = changed.get(c.id);
    connections.push(next ?? c);
    changed.delete(c.id);
  }
  // New connections arrive in creation order and after those kept, so the list is almost always still
  // sorted by createdAt: check it (one pass) and sort only when not.
  const added = [...changed.values()];
  if (added.length) {
    connections.push(...added);
    if (!inCreationOrder(connections)) connections.sort(byCreation);
  }
  const marks = delta.marks.length ? [...rec.marks, ...delta.marks].sort((a, b) => a.at - b.at) : rec.marks;
  return { ...rec, connections, marks, dropped: delta.dropped };
}

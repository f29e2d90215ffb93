/**
 * What an earlier worker left in storage.session when this worker's start could not read it. Those keys
 * were neither counted against the budget nor emptied by later writes, so a later start read them back:
 * beside what this worker recorded, or in place of a recording the user had cleared. Persist finds them at
 * its first write that can read storage, counts their connections as lost in their tabs (the user sees
 * the count) and empties them in that write.
 */
import { storedChunk } from './stored';

/** One tab's keys this worker did not load, and how many connections their chunks held. */
export interface TabLeftovers {
  keys: string[];
  /** The chunk numbers among the keys. */
  chunks: number[];
  connections: number;
}

/**
 * The stored keys in Persist's form (`key` parses one: its tab and, for a chunk, its number) that `known`
 * does not name, by tab.
 */
export function leftoversOf(
  all: Record<string, unknown>,
  key: (k: string) => { tab: number; chunk?: number } | undefined,
  known: (k: string) => boolean,
): Map<number, TabLeftovers> {
  const out = new Map<number, TabLeftovers>();
  for (const [k, value] of Object.entries(all)) {
    const parsed = key(k);
    if (!parsed || known(k)) continue;
    let tab = out.get(parsed.tab);
    if (!tab) out.set(parsed.tab, (tab = { keys: [], chunks: [], connections: 0 }));
    tab.keys.push(k);
    if (parsed.chunk === undefined) continue;
    tab.chunks.push(parsed.chunk);
    const read = storedChunk(value);
    tab.connections += read.seqs.length + read.refused;
  }
  return out;
}

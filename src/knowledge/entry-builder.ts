/**
 * Builds a CodeEntry whose message ids follow one naming scheme
 * (`<prefix>_name`, `_meaning`, `_when`, `_fix`, `_reconnect`), so the data
 * files stay short and a test can check every id against the catalog.
 */
import type { CodeCategory, CodeEntry, ReconnectAdvice, SourceRef } from './types';

export interface EntrySpec {
  code: number;
  category: CodeCategory;
  reconnect: ReconnectAdvice;
  /** Overrides the per-entry reconnect sentence with a shared one. */
  reconnectId?: string;
  neverOnWire?: boolean;
  confusedWith?: number[];
  source?: SourceRef;
}

export function makeEntries(
  protocol: string,
  idPrefix: string,
  defaultSource: SourceRef,
  specs: EntrySpec[],
): CodeEntry[] {
  return specs.map((s) => {
    const p = `${idPrefix}_${s.code}`;
    const entry: CodeEntry = {
      code: s.code,
      protocol,
      nameId: `${p}_name`,
      category: s.category,
      meaningId: `${p}_meaning`,
      whenId: `${p}_when`,
      fixId: `${p}_fix`,
      reconnect: s.reconnect,
      reconnectId: s.reconnectId ?? `${p}_reconnect`,
      source: s.source ?? defaultSource,
    };
    if (s.neverOnWire) entry.neverOnWire = true;
    if (s.confusedWith) entry.confusedWith = s.confusedWith;
    return entry;
  });
}

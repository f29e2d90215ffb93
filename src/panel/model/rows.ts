/**
 * One table row per closure: the closure joined with its connection, its
 * verdict and the meaning of its code. Built once per analysis so sorting and
 * filtering 10,000 rows touch plain fields only.
 */
import type { Analysis, Closure, Verdict } from '../../analysis/types';
import type { CodeCategory, CodeLookup } from '../../knowledge/types';
import { openEventOf, type Connection, type Recording } from '../../protocol/recording';
import type { PanelServices } from '../services';
import { t } from '../../ui/i18n';

export interface ClosureRow {
  id: string;
  closure: Closure;
  connection: Connection;
  verdict?: Verdict;
  lookup: CodeLookup;
  /** i18n ids of the code's name(s): several when the code is ambiguous. */
  nameIds: string[];
  categories: CodeCategory[];
  /** Lower-cased text the free-text filter matches: URL, reason, code, name(s). Computed once. */
  searchText: string;
}

/** The protocol that decides a code's meaning: negotiated, else the first requested. */
export function codeContextOf(c: Connection): { protocol?: string; url: string } {
  const negotiated = openEventOf(c)?.protocol;
  const protocol = negotiated || c.protocols[0];
  return protocol ? { protocol, url: c.url } : { url: c.url };
}

export function namesOf(lookup: CodeLookup): { nameIds: string[]; categories: CodeCategory[] } {
  switch (lookup.kind) {
    case 'known':
      return { nameIds: [lookup.entry.nameId], categories: [lookup.entry.category] };
    case 'ambiguous':
      return { nameIds: lookup.entries.map((e) => e.nameId), categories: [...new Set(lookup.entries.map((e) => e.category))] };
    case 'range':
      return { nameIds: [lookup.range.nameId], categories: [lookup.range.category] };
  }
}

export function buildRows(recording: Recording, analysis: Analysis, services: Pick<PanelServices, 'lookupCode'>): ClosureRow[] {
  const byId = new Map(recording.connections.map((c) => [c.id, c]));
  const rows: ClosureRow[] = [];
  for (const closure of analysis.closures) {
    const connection = byId.get(closure.connectionId);
    // An analysis of an older snapshot may name an evicted connection: skip, the next pass fixes it.
    if (!connection) continue;
    const lookup = services.lookupCode(closure.code, codeContextOf(connection));
    const names = namesOf(lookup);
    const searchText = [connection.url, closure.reason, String(closure.code), ...names.nameIds.map((id) => t(id))].join('\n').toLowerCase();
    rows.push({ id: closure.connectionId, closure, connection, verdict: analysis.verdictByClosure[closure.connectionId], lookup, ...names, searchText });
  }
  return rows;
}

/**
 * One table row per connection: a closure joined with its connection, its
 * verdict and the meaning of its code; or a connection still open (or still
 * connecting), listed so it can be selected and simulated. Built once per
 * analysis so sorting and filtering 10,000 rows touch plain fields only.
 */
import { codeMemoFor, presentClosure, type ClosurePresentation } from '../../analysis/present';
import type { Analysis } from '../../analysis/types';
import { endOf, openEventOf, type Connection, type Recording } from '../../protocol/recording';
import type { HandshakeEntry } from '../network/handshakes';
import { t } from '../../i18n/translate';
import { presentedRecording } from './presented';
import type { StallResult } from '../../analysis/stall';

interface RowBase {
  /** The connection id. */
  id: string;
  connection: Connection;
  /** Lower-cased text the free-text filter matches: URL, reason, code, name(s), last messages. Computed once. */
  searchText: string;
  /** Simulated stalls on this connection, judged. */
  stalls?: StallResult[];
}

/** A closed connection: its presentation (code names, categories, who closed, verdict) from the analysis. */
export interface ClosureRow extends RowBase, ClosurePresentation {
  kind: 'closure';
  /** The upgrade request's HTTP answer, from DevTools' network data, for sockets that never opened. */
  handshake?: HandshakeEntry;
}

export interface OpenRow extends RowBase {
  kind: 'open';
  /** False while the handshake is still running. */
  opened: boolean;
}

export type Row = ClosureRow | OpenRow;

/** When a row happened, for the time column: the close, or the socket's creation while it is open. */
export function rowTime(r: Row): number {
  return r.kind === 'closure' ? r.closure.closedAt : r.connection.createdAt;
}

/**
 * Rows of earlier builds by the connection object they show: a live recording's next version replaces
 * only the connections that changed, and the analysis keeps the closures and verdicts it did not
 * change, so most rows are the last build's objects (and the table's memoised rows do not re-render).
 * A row holds the closure, verdict and stalls it was built from, so it is its own cache entry (no
 * second object per row for the collector). Made per language (rows hold translated search text).
 */
export type RowCache = WeakMap<Connection, Row>;

export function buildRows(recording: Recording, analysis: Analysis, cache?: RowCache): Row[] {
  const connections = recording.connections;
  const byId = new Map<string, Connection>();
  // Loops are indexed: a for-of step allocates until V8 optimises the loop, and an import runs each over
  // 10,000 rows (docs/ARCHITECTURE.md, "Loops an import runs").
  for (let i = 0; i < connections.length; i++) byId.set(connections[i]!.id, connections[i]!);
  const closed = new Set<string>();
  const rows: Row[] = [];
  // The timeline presents the same closures: both take them from one pass. Rows kept for a next version
  // go with presentations kept for it.
  const presented = presentedRecording(recording, analysis, cache !== undefined);
  // The names' part of the search text, per list of name ids: the memo shares the lists between closures.
  const namesText = new Map<readonly string[], string>();
  const closures = analysis.closures;
  for (let i = 0; i < closures.length; i++) {
    const closure = closures[i]!;
    const connection = byId.get(closure.connectionId);
    // An analysis of an older snapshot may name an evicted connection: skip, the next pass fixes it.
    if (!connection) continue;
    closed.add(connection.id);
    const verdict = analysis.verdictByClosure[closure.connectionId];
    const stalls = analysis.stalls?.[connection.id];
    const kept = cache?.get(connection);
    if (
      kept &&
      kept.kind === 'closure' &&
      kept.closure === closure &&
      kept.verdict === verdict &&
      kept.stalls === stalls
    ) {
      rows.push(kept);
      continue;
    }
    const p =
      presented.get(connection.id)?.closure ?? presentClosure(connection, closure, verdict, codeMemoFor(analysis));
    let names = namesText.get(p.nameIds);
    if (names === undefined) {
      names = '';
      for (let j = 0; j < p.nameIds.length; j++) names += `\n${t(p.nameIds[j]!)}`;
      namesText.set(p.nameIds, names);
    }
    // URL, reason, code, name(s) and last messages, one per line, as one string (no intermediate arrays).
    let text = `${connection.url}\n${closure.reason}\n${closure.code}${names}`;
    const last = connection.lastMessages;
    for (let j = 0; last !== undefined && j < last.length; j++) {
      const m = last[j]!;
      if (m.text !== undefined) text += `\n${m.text}`;
      else if (m.hex !== undefined) text += `\n${m.hex}`;
    }
    // Field by field, not spread: 10,000 rows, each one object of one shape.
    const row: ClosureRow = {
      kind: 'closure',
      id: closure.connectionId,
      connection,
      code: p.code,
      context: p.context,
      lookup: p.lookup,
      nameIds: p.nameIds,
      categories: p.categories,
      categoryLabelIds: p.categoryLabelIds,
      connectionId: p.connectionId,
      closure: p.closure,
      outcome: p.outcome,
      closedByLabelId: p.closedByLabelId,
      searchText: text.toLowerCase(),
    };
    if (p.verdict) row.verdict = p.verdict;
    if (p.level) row.level = p.level;
    if (p.levelLabelId) row.levelLabelId = p.levelLabelId;
    if (p.problemKind) row.problemKind = p.problemKind;
    if (stalls) row.stalls = stalls;
    cache?.set(connection, row);
    rows.push(row);
  }
  for (let i = 0; i < connections.length; i++) {
    const connection = connections[i]!;
    // Ended but not (yet) in this analysis: an older analysis lags the recording by a render; never show it as open.
    if (closed.has(connection.id) || endOf(connection)) continue;
    const stalls = analysis.stalls?.[connection.id];
    const kept = cache?.get(connection);
    if (kept && kept.kind === 'open' && kept.stalls === stalls) {
      rows.push(kept);
      continue;
    }
    const row: OpenRow = {
      kind: 'open',
      id: connection.id,
      connection,
      opened: openEventOf(connection) !== undefined,
      searchText: connection.url.toLowerCase(),
      ...(stalls ? { stalls } : {}),
    };
    cache?.set(connection, row);
    rows.push(row);
  }
  return rows;
}

/** Joined rows of earlier calls by the row and the status they were made from. */
export type HandshakeRowCache = WeakMap<Row, { handshake: HandshakeEntry; row: ClosureRow }>;

/**
 * Rows with the HTTP status DevTools saw for their upgrade request; rows without one are kept as they
 * are, and with a cache so are joined rows whose row and status did not change.
 */
export function withHandshakes(
  rows: Row[],
  byId: ReadonlyMap<string, HandshakeEntry>,
  cache?: HandshakeRowCache,
): Row[] {
  if (byId.size === 0) return rows;
  return rows.map((r) => {
    const handshake = r.kind === 'closure' ? byId.get(r.id) : undefined;
    if (!handshake || r.kind !== 'closure') return r;
    const kept = cache?.get(r);
    if (kept && kept.handshake === handshake) return kept.row;
    const row = { ...r, handshake };
    cache?.set(r, { handshake, row });
    return row;
  });
}

/**
 * One table row per connection: a closure joined with its connection, its
 * verdict and the meaning of its code; or a connection still open (or still
 * connecting), listed so it can be selected and simulated. Built once per
 * analysis so sorting and filtering 10,000 rows touch plain fields only.
 */
import { presentClosure, type ClosurePresentation } from '../../analysis/present';
import type { Analysis } from '../../analysis/types';
import { endOf, openEventOf, type Connection, type Recording } from '../../protocol/recording';
import type { HandshakeEntry } from '../network/handshakes';
import { t } from '../../i18n/translate';
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

export function buildRows(recording: Recording, analysis: Analysis): Row[] {
  const byId = new Map(recording.connections.map((c) => [c.id, c]));
  const closed = new Set<string>();
  const rows: Row[] = [];
  for (const closure of analysis.closures) {
    const connection = byId.get(closure.connectionId);
    // An analysis of an older snapshot may name an evicted connection: skip, the next pass fixes it.
    if (!connection) continue;
    closed.add(connection.id);
    const presented = presentClosure(connection, closure, analysis.verdictByClosure[closure.connectionId]);
    const messages = (connection.lastMessages ?? []).flatMap((m) =>
      m.text !== undefined ? [m.text] : m.hex !== undefined ? [m.hex] : [],
    );
    const searchText = [
      connection.url,
      closure.reason,
      String(closure.code),
      ...presented.nameIds.map((id) => t(id)),
      ...messages,
    ]
      .join('\n')
      .toLowerCase();
    const stalls = analysis.stalls?.[connection.id];
    rows.push({
      kind: 'closure',
      id: closure.connectionId,
      connection,
      ...presented,
      searchText,
      ...(stalls ? { stalls } : {}),
    });
  }
  for (const connection of recording.connections) {
    // Ended but not (yet) in this analysis: an older analysis lags the recording by a render; never show it as open.
    if (closed.has(connection.id) || endOf(connection)) continue;
    const stalls = analysis.stalls?.[connection.id];
    rows.push({
      kind: 'open',
      id: connection.id,
      connection,
      opened: openEventOf(connection) !== undefined,
      searchText: connection.url.toLowerCase(),
      ...(stalls ? { stalls } : {}),
    });
  }
  return rows;
}

/** Rows with the HTTP status DevTools saw for their upgrade request; rows without one are kept as they are. */
export function withHandshakes(rows: Row[], byId: ReadonlyMap<string, HandshakeEntry>): Row[] {
  if (byId.size === 0) return rows;
  return rows.map((r) => {
    const handshake = r.kind === 'closure' ? byId.get(r.id) : undefined;
    return handshake && r.kind === 'closure' ? { ...r, handshake } : r;
  });
}

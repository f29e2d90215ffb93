/**
 * What DevTools' network data adds to the live recording, when the panel runs inside DevTools: the
 * HTTP status of refused handshakes (matched to the sockets that never opened), and the handshakes
 * no recorded socket explains (made in a worker, say). Subscribes to the entry-wired HandshakeFeed.
 * Without a feed (the panel as a tab, tests, imported files) both stay empty.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Recording } from '../../protocol/recording';
import type { HandshakeFeed } from '../network/devtools-network';
import { matchHandshakes, unmatchedCount, type HandshakeEntry } from '../network/handshakes';
import { UNRECORDED_GRACE_MS, unrecordedHandshakes, unrecordedSince } from '../network/unrecorded';

const NONE: readonly HandshakeEntry[] = [];
const EMPTY: ReadonlyMap<string, HandshakeEntry> = new Map();

export interface Handshakes {
  /** A refused socket's handshake, by connection id. */
  statuses: ReadonlyMap<string, HandshakeEntry>;
  /** Handshakes since the recording started that no recorded socket explains, oldest first. */
  unrecorded: readonly HandshakeEntry[];
}

export function useHandshakes(
  feed: HandshakeFeed | undefined,
  recording: Recording | null,
  clock: () => number = Date.now,
): Handshakes {
  const [entries, setEntries] = useState<readonly HandshakeEntry[]>(NONE);
  useEffect(() => {
    if (!feed) return;
    return feed.subscribe(setEntries);
  }, [feed]);
  // Without entries there is nothing to match: skip the scan over every connection.
  const matched = useMemo(
    () => (entries.length === 0 ? EMPTY : matchHandshakes(recording?.connections ?? [], entries)),
    [recording, entries],
  );
  const missing = feed && recording ? unmatchedCount(recording.connections, matched) : 0;
  // A new refused socket without a status: its request may be in the HAR but not (yet) reported as finished.
  useEffect(() => {
    if (feed && missing > 0) feed.refresh();
  }, [feed, missing]);

  // DevTools reports a WebSocket's request as finished only when it closes, but the HAR has it from the
  // start: read it again a while after the page navigated (or the recording restarted), so a worker's
  // socket made as the page loads is named while it is open, not hours later at its close.
  const navigated = recording ? `${recording.startedAt}:${recording.marks.length}` : '';
  useEffect(() => {
    if (!feed || !navigated) return;
    const id = setTimeout(() => feed.refresh(), UNRECORDED_GRACE_MS);
    return () => clearTimeout(id);
  }, [feed, navigated]);

  // A handshake is judged once it is old enough for its socket to have been recorded: one render when
  // the newest becomes so, rather than a clock ticking for every panel.
  const [judgedAt, setJudgedAt] = useState(clock);
  const newest = entries.length > 0 ? entries[entries.length - 1]!.startedAt : -Infinity;
  useEffect(() => {
    if (!feed || newest + UNRECORDED_GRACE_MS < judgedAt) return;
    const id = setTimeout(() => setJudgedAt(clock()), Math.max(0, newest + UNRECORDED_GRACE_MS - clock()) + 1);
    return () => clearTimeout(id);
  }, [feed, newest, judgedAt, clock]);
  const unrecorded = useMemo(() => {
    if (!feed || !recording || entries.length === 0) return NONE;
    const since = unrecordedSince(recording.startedAt, recording.connections, recording.dropped.connectionsEvicted);
    const found = unrecordedHandshakes({ connections: recording.connections, entries, since, now: judgedAt });
    return found.length === 0 ? NONE : found;
  }, [feed, recording, entries, judgedAt]);
  return { statuses: matched, unrecorded };
}

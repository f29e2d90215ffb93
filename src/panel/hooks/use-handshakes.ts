/**
 * The HTTP status of refused handshakes, when the panel runs inside DevTools:
 * subscribes to the entry-wired HandshakeFeed and matches its entries to the
 * live recording's sockets that never opened. Without a feed (the panel as a
 * tab, tests, imported files) the map stays empty.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Recording } from '../../protocol/recording';
import type { HandshakeFeed } from '../network/devtools-network';
import { matchHandshakes, unmatchedCount, type HandshakeEntry } from '../network/handshakes';

const NONE: readonly HandshakeEntry[] = [];
const EMPTY: ReadonlyMap<string, HandshakeEntry> = new Map();

export function useHandshakes(
  feed: HandshakeFeed | undefined,
  recording: Recording | null,
): ReadonlyMap<string, HandshakeEntry> {
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
  return matched;
}

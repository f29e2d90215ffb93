/**
 * Decides which validated events go on to the background, per document:
 * rate-limits new sockets (whole connections are dropped and counted, never
 * half a connection), caps per-socket event counts, and rejects events for
 * sockets the hook never announced.
 */
import type { RelayEvent } from '../../protocol/messages';
import { LIMITS } from './limits';

/**
 * ok: forward. socket-rate-limited: a whole connection dropped (counted once).
 * over-limit: an extra event beyond a cap (counted). ignored: belongs to a
 * connection already counted as dropped. rejected: impossible for a real hook.
 */
export type Admit = 'ok' | 'socket-rate-limited' | 'over-limit' | 'ignored' | 'rejected';

class Bucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

interface SocketState {
  closeCalls: number;
  errors: number;
  opened: boolean;
  stalls: number;
}

export class Admission {
  private readonly sockets = new Map<number, SocketState>();
  /**
   * The hook numbers sockets 1, 2, 3... and every number reaches the relay in order (one port,
   * in order). Only a number a little ahead is accepted (LIMITS.socketNumberGap, so one socket the
   * hook failed to announce does not shut out the rest): a hostile k (say 2^53 - 1) is rejected
   * without moving this, so it cannot make later real sockets look like duplicates.
   */
  private maxK = 0;
  private readonly socketBucket: Bucket;

  constructor(private readonly now: () => number) {
    this.socketBucket = new Bucket(LIMITS.socketBurst, LIMITS.socketsPerSecond, now());
  }

  admit(ev: RelayEvent): Admit {
    if (ev.t === 'life') return 'ok'; // observed by the relay itself, not sent by the page
    if (ev.t === 'socket') {
      // Duplicate, out of order or invented: the hook counts up by one.
      if (ev.k <= this.maxK || ev.k > this.maxK + LIMITS.socketNumberGap) return 'rejected';
      this.maxK = ev.k;
      if (this.sockets.size >= LIMITS.socketsPerDocument || !this.socketBucket.take(this.now()))
        return 'socket-rate-limited';
      this.sockets.set(ev.k, { closeCalls: 0, errors: 0, opened: false, stalls: 0 });
      return 'ok';
    }
    const s = this.sockets.get(ev.k);
    if (!s) return ev.k <= this.maxK ? 'ignored' : 'rejected';
    switch (ev.t) {
      case 'open':
        if (s.opened) return 'rejected';
        s.opened = true;
        return 'ok';
      case 'close-call':
        return ++s.closeCalls <= LIMITS.closeCallsPerSocket ? 'ok' : 'over-limit';
      case 'error':
        return ++s.errors <= LIMITS.errorsPerSocket ? 'ok' : 'over-limit';
      case 'close':
        // A closed socket's state is let go: a page that opens sockets all day must not grow
        // the relay by a record per socket. Later events for it (a close() on a closed socket
        // changes nothing) fall under "ignored", like those of a rate-limited socket.
        this.sockets.delete(ev.k);
        return 'ok';
      case 'stall':
      case 'stall-end':
        // Each stall is asked for by the user: a start and an end each, a few per socket at most.
        return ++s.stalls <= LIMITS.stallEventsPerSocket ? 'ok' : 'over-limit';
    }
  }
}

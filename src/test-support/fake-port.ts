/**
 * A runtime port pair for unit tests of both ends of the extension's messaging:
 * what one side posts arrives at the other's listeners (synchronously), and either
 * side can disconnect, which tells the other, as runtime ports do.
 */
type Listener<A extends unknown[]> = (...args: A) => void;

class Event<A extends unknown[]> {
  readonly listeners: Listener<A>[] = [];
  addListener(fn: Listener<A>): void {
    this.listeners.push(fn);
  }
  removeListener(fn: Listener<A>): void {
    const i = this.listeners.indexOf(fn);
    if (i >= 0) this.listeners.splice(i, 1);
  }
  hasListener(fn: Listener<A>): boolean {
    return this.listeners.includes(fn);
  }
  hasListeners(): boolean {
    return this.listeners.length > 0;
  }
  fire(...args: A): void {
    for (const fn of [...this.listeners]) fn(...args);
  }
}

export interface FakePort {
  name: string;
  sender?: { tab?: { id?: number }; frameId?: number; url?: string; documentId?: string; id?: string };
  /** Everything this end posted, in order. */
  posted: unknown[];
  connected: boolean;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: Event<[unknown, FakePort]>;
  onDisconnect: Event<[FakePort]>;
  /** The other end. */
  peer: FakePort;
}

function end(name: string): FakePort {
  const port: FakePort = {
    name,
    posted: [],
    connected: true,
    postMessage(message) {
      if (!port.connected) throw new Error('Attempting to use a disconnected port object');
      port.posted.push(message);
      port.peer.onMessage.fire(message, port.peer);
    },
    disconnect() {
      if (!port.connected) return;
      port.connected = false;
      port.peer.connected = false;
      port.peer.onDisconnect.fire(port.peer);
    },
    onMessage: new Event(),
    onDisconnect: new Event(),
    peer: undefined as unknown as FakePort,
  };
  return port;
}

/** Two connected ends: `near` is the side under test's, `far` the other side's. */
export function portPair(name: string, sender?: FakePort['sender']): { near: FakePort; far: FakePort } {
  const near = end(name);
  const far = end(name);
  near.peer = far;
  far.peer = near;
  if (sender) near.sender = sender;
  return { near, far };
}

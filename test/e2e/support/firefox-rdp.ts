/**
 * A minimal client for Firefox's Remote Debugging Protocol (the one
 * about:debugging and web-ext speak): length-prefixed JSON packets over TCP.
 * The Firefox tests use it for what WebDriver BiDi cannot do: read an add-on's
 * background state and press about:debugging's "Terminate background script".
 */
import { connect, type Socket } from 'node:net';

type Packet = { from?: string; error?: string; message?: string } & Record<string, unknown>;

export interface AddonInfo {
  actor: string;
  id: string;
  /** 'RUNNING' or 'STOPPED' for an event page. */
  backgroundScriptStatus?: string;
  /** Manifest warnings, as about:debugging lists them. */
  warnings: string[];
  temporarilyInstalled: boolean;
}

export class FirefoxRdp {
  private buf = Buffer.alloc(0);
  private waiting: { resolve(p: Packet): void; reject(e: Error): void }[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly socket: Socket) {
    socket.on('data', (d) => this.onData(d));
    socket.on('close', () => this.failAll(new Error('Firefox closed the debugging connection')));
    socket.on('error', (e) => this.failAll(e));
  }

  /** Connects and reads the root actor's greeting. */
  static async connect(port: number, timeoutMs = 30_000): Promise<FirefoxRdp> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        const rdp = new FirefoxRdp(socket);
        await new Promise<Packet>((resolve, reject) => rdp.waiting.push({ resolve, reject }));
        return rdp;
      } catch (e) {
        // The debugger server starts a moment after the browser answers BiDi.
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** One request, one reply; requests are sent one at a time so replies pair up. */
  request(to: string, type: string, extra: Record<string, unknown> = {}): Promise<Packet> {
    const run = () =>
      new Promise<Packet>((resolve, reject) => {
        this.waiting.push({ resolve, reject });
        const text = JSON.stringify({ to, type, ...extra });
        this.socket.write(`${Buffer.byteLength(text)}:${text}`);
      }).then((p) => {
        if (p.error) throw new Error(`RDP ${type} to ${to}: ${p.error} ${p.message ?? ''}`);
        return p;
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async addon(id: string): Promise<AddonInfo> {
    const { addons } = (await this.request('root', 'listAddons')) as unknown as { addons: AddonInfo[] };
    const found = addons.find((a) => a.id === id);
    if (!found) throw new Error(`add-on ${id} is not installed`);
    return found;
  }

  /**
   * about:debugging's "Terminate background script". Firefox replies once the
   * background is gone; anything may start it again at once (a content script's
   * port reconnecting does), so callers prove the restart with an instance id
   * rather than by catching the STOPPED state.
   */
  async terminateBackground(id: string): Promise<void> {
    await this.request((await this.addon(id)).actor, 'terminateBackgroundScript');
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const colon = this.buf.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buf.subarray(0, colon).toString('latin1'));
      if (this.buf.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buf.subarray(colon + 1, colon + 1 + length).toString('utf8')) as Packet;
      this.buf = this.buf.subarray(colon + 1 + length);
      // Events nobody asked for (e.g. addonListChanged) carry a `type`; the replies used here do not.
      if (typeof packet.type === 'string') continue;
      this.waiting.shift()?.resolve(packet);
    }
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.splice(0)) w.reject(e);
  }
}

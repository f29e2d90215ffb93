/**
 * `closeline audit` on a page whose every connection goes to a new SockJS session URL
 * (`‹base›/‹server id›/‹session id›/websocket`, new ids each time, as sockjs-client draws them). The analysis
 * links a reconnect across sessions; the check must follow the page there too: each scenario acts on the
 * socket open when it starts, and its outcome agrees with the verdict it reports; an outage refuses the
 * page's next session, whatever its ids. Bounds are scaled down
 * (--time-scale); the 10 s hold is not, so each scenario takes 10 s or more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from './support/servers';
import { outDir, runCli } from './support/cli';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** Reconnects 1.5 s after any close, each time to a new session of `base`. */
const sockjsPage = (base: string) => `<!doctype html><title>sockjs-shaped page</title><script>
  const id = () => Math.random().toString(36).slice(2, 10);
  const connect = () => {
    const server = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
    const s = new WebSocket(${JSON.stringify(base)} + '/' + server + '/' + id() + '/websocket');
    s.onclose = () => setTimeout(connect, 1500);
  };
  connect();
</script>`;

interface JsonReport {
  recording: { connections: { url: string; events: { type: string; code?: number }[] }[] };
  endpoints: string[];
  rows: { scenario: string; endpoint: string; outcome: string; level: string; verdict?: { rule: string } }[];
}

describe('closeline audit on a SockJS page', () => {
  it('follows each reconnect to its new session: every scenario acts on an open socket, an outage refuses the next', async () => {
    const base = `${server.wsOrigin}/stomp`;
    const url = server.page('/sockjs', sockjsPage(base));
    const json = join(outDir(), 'out.json');
    const r = await runCli(['audit', url, '--json', json, '--scenarios', '1012,1006,outage:8', '--time-scale', '0.25']);
    const printed = `${r.stdout}\n${r.stderr}`;
    expect(r.code, printed).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
    // One endpoint, named without the session's ids (the glossary's endpoint).
    expect(report.endpoints).toEqual([`${base}/websocket`]);
    expect(report.rows.map((x) => [x.scenario, x.outcome, x.level, x.verdict?.rule ?? ''])).toEqual([
      ['1012', 'recovered', 'fits', 'restart.fits'],
      ['1006', 'recovered', 'info', 'app-choice.not-judged'],
      ['outage:8', 'recovered', 'info', 'app-choice.not-judged'],
    ]);
    // The outage refused the page's next session, though its ids were new: the page met a refused handshake.
    const refused = report.recording.connections.filter(
      (c) => !c.events.some((e) => e.type === 'open') && c.events.some((e) => e.type === 'close' && e.code === 1006),
    );
    expect(refused.length, JSON.stringify(report.recording.connections.map((c) => c.url))).toBeGreaterThan(0);
    expect(refused.every((c) => /\/stomp\/\d{3}\/[^/]+\/websocket$/.test(c.url))).toBe(true);
  }, 180_000);
});

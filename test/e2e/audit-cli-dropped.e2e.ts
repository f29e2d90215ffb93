/**
 * `closeline audit` on a page whose recording lost data: its socket URL is longer than Closeline keeps, so
 * each is cut (a dropped count the panel's and popup's notice list). The report printed on stdout says so
 * too, under its verdicts, as the panel does above them. Bounds are scaled down (--time-scale); the 10 s
 * hold is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/servers';
import { runCli } from './support/cli';
import { PAGE_URL_CHARS } from '../../src/protocol/limits';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** Reconnects 1.5 s after any close, to a URL longer than the recording keeps. */
const longUrlPage = (ws: string) => `<!doctype html><title>long socket URL</title><script>
  const url = ${JSON.stringify(ws)} + '?pad=' + 'x'.repeat(${PAGE_URL_CHARS});
  const connect = () => {
    const s = new WebSocket(url);
    s.onclose = () => setTimeout(connect, 1500);
  };
  connect();
</script>`;

describe('closeline audit on a recording that lost data', () => {
  it('says under its verdicts what was not recorded, as the panel and popup do', async () => {
    const url = server.page('/long-url', longUrlPage(`${server.wsOrigin}/long-live`));
    const r = await runCli(['audit', url, '--scenarios', '1012', '--time-scale', '0.25']);
    const printed = `${r.stdout}\n${r.stderr}`;
    expect(r.code, printed).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('Some data was not recorded:');
    expect(at, printed).toBeGreaterThan(lines.findIndex((l) => l.startsWith('No problem in 1 check')));
    expect(lines[at + 1]).toMatch(/^ {2}\d+ long values? \(URL, reason, stack\) shortened to (their|its) limit$/);
  }, 120_000);
});

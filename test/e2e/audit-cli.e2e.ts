/**
 * `closeline audit <url>` end to end: the built command line launches headless
 * Chromium with the built extension against pages on a local ws server, and its
 * exit status, table, JSON and JUnit say what the page's reconnects earned.
 * Scenario bounds and refusals are scaled down (--time-scale); the 10 s hold
 * that separates episodes is not, so each scenario still takes 10 s or more.
 * The runs are concurrent to keep the file near a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startServer, type TestServer } from './support/servers';
import { auditPages } from './support/audit-pages';
import { outDir, runCli } from './support/cli';
import { parseRecording } from '../../src/protocol/validate-recording';

let server: TestServer;
/** A server that takes every request and never answers it. */
let silent: { url: string; close(): void };
beforeAll(async () => {
  server = await startServer();
  const sockets = new Set<Socket>();
  const http = createHttpServer(() => undefined).on('connection', (c: Socket) => sockets.add(c));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  silent = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/`,
    close: () => {
      for (const c of sockets) c.destroy();
      http.close();
    },
  };
});
afterAll(async () => {
  silent?.close();
  await server?.close();
});

interface JsonRow {
  scenario: string;
  endpoint: string;
  level: string;
  outcome: string;
  closureId?: string;
  verdict?: { rule: string };
  delaysS: number[];
  text: { sentence: string };
}
interface JsonReport {
  rows: JsonRow[];
  problems: number;
  recording: { connections: { id: string; lastMessages?: { text?: string }[] }[] };
}

/** `user` and `query` go into the page's socket URL; `env` is the command line's environment. */
async function audit(
  name: keyof typeof auditPages,
  args: string[],
  { user, query = '', env }: { user?: string; query?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const origin = user ? server.wsOrigin.replace('://', `://${user}@`) : server.wsOrigin;
  const ws = `${origin}/${name}-live`;
  const url = server.page(`/${name}`, auditPages[name](ws + query));
  const dir = outDir();
  const json = join(dir, 'out.json');
  const junit = join(dir, 'out.xml');
  const result = await runCli(['audit', url, '--json', json, '--junit', junit, ...args], env && { env });
  const read = (f: string) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  };
  // What the command printed, both streams: the message of a failed exit-code check (the table's sentence
  // names the waits the page made).
  const printed = `${result.stdout}\n${result.stderr}`;
  return { ...result, printed, ws, url, json: read(json), junit: read(junit) };
}

function junitCases(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const cases = doc.testsuites.testsuite.testcase;
  return {
    doc,
    cases: (Array.isArray(cases) ? cases : [cases]) as {
      name: string;
      classname: string;
      failure?: { message: string };
      'system-out': string;
    }[],
  };
}

const verdicts = (r: JsonReport) => r.rows.map((x) => [x.scenario, x.level, x.verdict?.rule ?? '']);

describe('closeline audit', () => {
  it.concurrent(
    'a page that fits every scenario: exit 0, every scenario judged, nothing a problem',
    { timeout: 240_000 },
    async () => {
      const r = await audit('fits', ['--scenarios', '1012,1013,1008,1006,outage:8', '--time-scale', '0.25']);
      expect(r.stderr).toContain('scenario 5 of 5');
      expect(r.code, r.printed).toBe(0);
      const report = JSON.parse(r.json ?? '{}') as JsonReport;
      // Run order puts 1008 last: a page that rightly stops after it leaves nothing for the others.
      expect(report.rows.map((x) => x.scenario)).toEqual(['1012', '1013', '1006', 'outage:8', '1008']);
      expect(report.rows.every((x) => x.endpoint === r.ws)).toBe(true);
      const by = Object.fromEntries(report.rows.map((x) => [x.scenario, x]));
      expect([by['1012']?.level, by['1012']?.verdict?.rule]).toEqual(['fits', 'restart.fits']);
      expect([by['1013']?.level, by['1013']?.verdict?.rule]).toEqual(['fits', 'overload.fits']);
      for (const s of ['1012', '1013', '1006', 'outage:8']) expect(by[s]?.outcome).toBe('recovered');
      // Silent after 1008 for the (scaled) bound: the profile waits 60 s before "no retry" fits.
      expect([by['1008']?.outcome, by['1008']?.level]).toEqual(['no-attempt', 'pending']);
      expect(report.problems).toBe(0);
      // The panel's Import opens the report (the recording inside it).
      expect(parseRecording(r.json ?? '').ok).toBe(true);
      // Each row links to a closure in the recording that came with it.
      const ids = new Set(report.recording.connections.map((c) => c.id));
      for (const row of report.rows) expect(ids.has(row.closureId ?? '')).toBe(true);
      expect(r.stdout).toContain(`Endpoint: ${r.ws}`);
      // The table prints the first wait the JSON has (the page asks for 1.5 s; a late timer adds to it).
      const wait = by['1012']?.delaysS[0]?.toFixed(2) ?? 'none';
      expect(Number(wait)).toBeGreaterThanOrEqual(1.5);
      expect(r.stdout).toMatch(new RegExp(`^ {2}1012 +FITS +${wait.replace('.', '\\.')} s +1–5 s$`, 'm'));
      expect(r.stdout).toContain('No problem in 5 checks (profile: default).');
      const { doc, cases } = junitCases(r.junit ?? '');
      expect(doc.testsuites).toMatchObject({ tests: '5', failures: '0' });
      expect(cases.map((c) => c.name.split(':')[0])).toEqual(['1012', '1013', '1006', 'outage', '1008']);
      expect(cases.every((c) => c.failure === undefined && c.classname === r.ws)).toBe(true);
    },
  );

  it.concurrent(
    'a page that retries 1008 at once, on a machine in Arabic: exit 1, a blind retry, one JUnit failure, in English',
    { timeout: 180_000 },
    async () => {
      // The machine's language is Chromium's, whose catalog the audit page translates the verdicts with:
      // the report card must still be in the command line's one language, not half in each.
      const r = await audit('blind1008', ['--scenarios', '1008'], { env: { ...process.env, LANGUAGE: 'ar' } });
      expect(r.code, r.printed).toBe(1);
      const report = JSON.parse(r.json ?? '{}') as JsonReport;
      expect(verdicts(report)).toEqual([['1008', 'problem', 'terminal.blind-retry']]);
      expect(r.stdout).toMatch(/^ {2}1008 +PROBLEM +\d+\.\d+ s +no retry with the same request$/m);
      expect(`${r.stdout}${r.json}${r.junit}`).not.toMatch(/[\u0600-\u06ff]/);
      expect(r.stdout).toContain('1 of 1 check found a problem (profile: default).');
      const { doc, cases } = junitCases(r.junit ?? '');
      expect(doc.testsuites).toMatchObject({ tests: '1', failures: '1' });
      expect(cases[0]?.failure?.message).toBe(report.rows[0]?.text.sentence);
    },
  );

  it.concurrent('a page with no backoff after 1013: exit 1, no backoff', { timeout: 180_000 }, async () => {
    // 8 s of refused handshakes: the page makes about ten attempts, none more than 1 s apart.
    const r = await audit('noBackoff', ['--scenarios', '1013', '--time-scale', '0.4']);
    expect(r.code, r.printed).toBe(1);
    const report = JSON.parse(r.json ?? '{}') as JsonReport;
    expect(verdicts(report)).toEqual([['1013', 'problem', 'overload.no-backoff']]);
    expect(junitCases(r.junit ?? '').doc.testsuites).toMatchObject({ tests: '1', failures: '1' });
  });

  it.concurrent(
    'a page with a 1 s heartbeat notices a stall: exit 0, "noticed after" the heartbeat',
    { timeout: 180_000 },
    async () => {
      const r = await audit('heartbeat', ['--scenarios', 'stall:6'], { user: 'sk_key', query: '?token=s3cret' });
      expect(r.code, r.printed).toBe(0);
      const report = JSON.parse(r.json ?? '{}') as JsonReport;
      expect(verdicts(report)).toEqual([['stall:6', 'fits', 'stall.noticed']]);
      // The file leaves the browser as an export with the default settings does: the token redacted,
      // and the pings before the close (kept on this local page) without their content.
      expect(r.json).not.toContain('s3cret');
      expect(r.json).toContain('?token=REDACTED');
      // The URL's user name (often a key) is in none of what a CI job keeps: the log, the JSON, the JUnit.
      for (const out of [r.printed, r.json, r.junit]) expect(out).not.toContain('sk_key');
      expect(r.stdout).toContain('@127.0.0.1:');
      const last = report.recording.connections.flatMap((c) => c.lastMessages ?? []);
      expect(last.length).toBeGreaterThan(0);
      expect(last.filter((m) => m.text !== undefined)).toEqual([]);
      const sentence = report.rows[0]?.text.sentence ?? '';
      expect(sentence).toMatch(/^Noticed after \d+\.\d+ s: the page closed the silent socket\.$/);
      expect(r.stdout).toMatch(/stall:6 +FITS .*The page notices within 60 s \(a heartbeat\)/);
      expect(r.stdout).toContain(sentence);
    },
  );

  it.concurrent(
    'a page with no sockets: exit 2 with a clear error after the wait, never a pass, no report',
    { timeout: 120_000 },
    async () => {
      const r = await audit('none', ['--socket-wait', '2']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('No WebSocket of the page was open after 2 s, so there is nothing to check');
      expect(r.stdout).toBe('');
      expect(r.json).toBeUndefined();
      expect(r.junit).toBeUndefined();
    },
  );

  it.concurrent('a page that does not load: exit 2, naming the URL', { timeout: 120_000 }, async () => {
    const missing = `${server.origin}/no-such-page`;
    const r = await runCli(['audit', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`could not open ${missing}: ${missing} answered HTTP 404`);
  });

  it.concurrent(
    'a server that is not running: exit 2, saying the connection was refused',
    { timeout: 120_000 },
    async () => {
      // A port that was just free: nothing listens on it.
      const probe = createServer();
      await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
      await new Promise<void>((r) => probe.close(() => r()));
      const r = await runCli(['audit', url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`could not open ${url}: net::ERR_CONNECTION_REFUSED\n`);
    },
  );

  it.concurrent('a server that never answers: exit 2, saying so', { timeout: 120_000 }, async () => {
    const r = await runCli(['audit', silent.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`could not open ${silent.url}: no answer within 30 s\n`);
  });

  it.concurrent(
    'a page with an image that never loads: its sockets are checked all the same',
    { timeout: 120_000 },
    async () => {
      // The load event never comes; the document and its sockets are there.
      const ws = `${server.wsOrigin}/stuck-image-live`;
      const html = auditPages.fits(ws).replace('<!doctype html>', `<!doctype html><img src="${silent.url}image.png">`);
      const r = await runCli([
        'audit',
        server.page('/stuck-image', html),
        '--scenarios',
        '1008',
        '--time-scale',
        '0.2',
      ]);
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^ {2}1008 +PENDING /m);
    },
  );

  it('usage errors: exit 2 before any browser starts', async () => {
    const r = await runCli(['audit', server.origin, '--scenarios', '1012,9999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'closeline: unknown scenario "9999" (use 1012, 1013, 1008, 1006, outage:<1-600> or stall:<1-600>)\nRun `closeline --help` for the options.\n',
    );
    // A report that cannot be written is found before the run, not after it: the folder does not exist.
    const missing = join(outDir(), 'missing', 'out.json');
    const unwritable = await runCli(['audit', server.origin, '--json', missing]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr.startsWith(`closeline: could not write ${missing}: ENOENT`), unwritable.stderr).toBe(true);
    expect(unwritable.stderr.split('\n')).toHaveLength(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: closeline audit <url> [options]');
  });
});

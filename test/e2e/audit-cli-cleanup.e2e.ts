/**
 * `closeline audit` leaves nothing behind in the temporary folder, nor a browser running: not after a
 * run that passed, not after a browser that failed to start, not after Ctrl-C or SIGTERM in the middle
 * of a scenario (and SIGTERM, a cancelled CI job, is said as such, not as a failed Chromium). Each run gets its own TMPDIR, where the browser profile is made, so what is left is its.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from './support/servers';
import { auditPages } from './support/audit-pages';
import { outDir, runCli } from './support/cli';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** Runs the CLI with its own TMPDIR; returns the result and what it left there (Closeline's and Playwright's). */
async function auditIn(args: string[], interrupt?: { when: string; signal: NodeJS.Signals }) {
  const tmp = outDir();
  const url = server.page('/fits', auditPages.fits(`${server.wsOrigin}/fits-live`));
  const r = await runCli(['audit', url, ...args], {
    env: { ...process.env, TMPDIR: tmp },
    ...(interrupt && { interrupt }),
  });
  const left = readdirSync(tmp).filter((f) => f.startsWith('closeline-') || f.startsWith('playwright-'));
  const browsers = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`--user-data-dir=${tmp}`));
  return { ...r, left, browsers };
}

describe('closeline audit cleans up after itself', () => {
  it('after a run that passed', { timeout: 120_000 }, async () => {
    const r = await auditIn(['--scenarios', '1008', '--time-scale', '0.2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.left).toEqual([]);
    expect(r.browsers).toEqual([]);
  });

  it('after a browser that did not start', { timeout: 60_000 }, async () => {
    const file = join(outDir(), 'not-chromium');
    writeFileSync(file, '#!/bin/sh\nexit 3\n');
    chmodSync(file, 0o755);
    const r = await auditIn(['--chromium', file]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.left).toEqual([]);
  });

  it('after Ctrl-C in the middle of a scenario: exit 130, the profile removed', { timeout: 120_000 }, async () => {
    const r = await auditIn(['--scenarios', '1012'], { when: 'scenario 1 of 1', signal: 'SIGINT' });
    expect(r.code, r.stderr).toBe(130);
    expect(r.left).toEqual([]);
    expect(r.browsers).toEqual([]);
  });

  it(
    'after SIGTERM (a CI job cancelled or timed out): exit 143, saying so, not blaming Chromium',
    { timeout: 120_000 },
    async () => {
      const r = await auditIn(['--scenarios', '1012'], { when: 'scenario 1 of 1', signal: 'SIGTERM' });
      expect(r.code, r.stderr).toBe(143);
      expect(r.stderr).toMatch(/\ncloseline: stopped by SIGTERM before the check ended: no result\n$/);
      expect(r.stdout).toBe('');
      expect(r.left).toEqual([]);
      expect(r.browsers).toEqual([]);
    },
  );
});

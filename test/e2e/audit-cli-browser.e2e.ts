/**
 * `closeline audit --chromium <path>` when the path is no browser: exit status 2
 * with an error that names the path, and no table, JSON or JUnit that a CI job
 * could read as a pass. The page is one that fits, so a CLI that quietly fell
 * back to another Chromium would pass it and fail these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
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

async function auditWith(chromium: string) {
  const url = server.page('/fits', auditPages.fits(`${server.wsOrigin}/fits-live`));
  const dir = outDir();
  const json = join(dir, 'out.json');
  const junit = join(dir, 'out.xml');
  const r = await runCli([
    'audit',
    url,
    '--scenarios',
    '1012',
    '--time-scale',
    '0.25',
    '--json',
    json,
    '--junit',
    junit,
    '--chromium',
    chromium,
  ]);
  // Nothing a CI job could take for a result: no table, no summary, no report files.
  expect(r.stdout).toBe('');
  expect(existsSync(json)).toBe(false);
  expect(existsSync(junit)).toBe(false);
  return r;
}

describe('closeline audit with a browser that cannot run', () => {
  it('a --chromium path that does not exist: exit 2 before anything starts, naming the path', async () => {
    const r = await auditWith('/nonexistent/chromium');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'closeline: no Chromium found (/nonexistent/chromium). Install it with: sudo apt-get update && sudo apt-get install -y chromium chromium-l10n, or pass --chromium <path> (branded Google Chrome ignores --load-extension)\n',
    );
  });

  it('a --chromium file that cannot be executed: exit 2, could not start it', async () => {
    const file = join(outDir(), 'chromium.txt');
    writeFileSync(file, 'not a program\n');
    const r = await auditWith(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`\ncloseline: could not start Chromium (${file}): `);
    expect(r.stderr).toMatch(/ EACCES\n$/);
  });

  it('a --chromium program that is not a browser: exit 2, with the exit code it stopped with', async () => {
    const file = join(outDir(), 'not-chromium');
    // Exits at once whatever the arguments, as a wrong binary given as --chromium would.
    writeFileSync(file, '#!/bin/sh\nexit 3\n');
    chmodSync(file, 0o755);
    const r = await auditWith(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `\ncloseline: ${file} exited with code 3 as it started. Closeline needs Chromium or Chrome for Testing: check that it runs, or pass --chromium <path>\n`,
    );
  });

  it('a --chromium that cannot start and says why: exit 2, with its last error line', async () => {
    const file = join(outDir(), 'broken-chromium');
    // As a Chromium missing a shared library does: a line on its error output, then a non-zero exit.
    writeFileSync(
      file,
      '#!/bin/sh\necho "starting" >&2\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n',
    );
    chmodSync(file, 0o755);
    const r = await auditWith(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `\ncloseline: ${file} exited with code 127 as it started (its last error: error while loading shared libraries: libnss3.so). Closeline needs Chromium or Chrome for Testing: check that it runs, or pass --chromium <path>\n`,
    );
    expect(r.stdout).toBe('');
  });
});

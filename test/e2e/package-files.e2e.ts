/**
 * `npx closeline audit` from the packed tarball needs the built extension, the
 * audit page and the built command line in it: `files` in package.json decides,
 * and `dependencies` must bring what the built command line imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import pkg from '../../package.json';
import { startServer, type TestServer } from './support/servers';
import { auditPages } from './support/audit-pages';
import { runCli } from './support/cli';

const root = resolve(__dirname, '../..');

describe('the packed package', () => {
  it('ships the closeline command, its built code and the built extension with its audit page', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const files = new Set((JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    expect(pkg.bin).toEqual({ closeline: 'bin/closeline.mjs' });
    for (const f of [
      'bin/closeline.mjs',
      'dist-cli/closeline.mjs',
      'dist/chrome/manifest.json',
      'dist/chrome/src/audit-page/audit.html',
      'dist/chrome/_locales/en/messages.json',
    ]) {
      expect(files.has(f), f).toBe(true);
    }
    expect([...files].some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('node_modules/'))).toBe(
      false,
    );
    expect(Object.keys(pkg.dependencies)).toContain('playwright-core');
  });
});

describe('the installed tarball', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), 'closeline-pack-'));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('audits a page: npm pack, npm install of the .tgz into an empty project, its closeline prints the verdict and exits 0', async () => {
    const npm = (args: string[], cwd: string) =>
      // Bounded, so a stalled registry fails this test with npm's error instead of hanging the run.
      execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root)) as {
      filename: string;
    }[];
    const tarball = join(dir, packed[0]!.filename);
    // A project of its own, outside the checkout, so nothing resolves from the checkout's node_modules.
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
    // Dependencies come from npm's cache when they are there (after `npm ci`); only their metadata may be fetched.
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], project);

    const installed = join(realpathSync(project), 'node_modules/closeline');
    const bin = join(project, 'node_modules/.bin/closeline');
    expect(realpathSync(bin)).toBe(join(installed, 'bin/closeline.mjs'));
    expect(existsSync(join(installed, 'src'))).toBe(false);

    const ws = `${server.wsOrigin}/packed-live`;
    const url = server.page('/packed', auditPages.fits(ws));
    // The installed package's own build, not one a variable points at; `node` for the #! line as npx finds it.
    const { CLOSELINE_DIST: _ignored, ...inherited } = process.env;
    const env = { ...inherited, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
    const r = await runCli(['audit', url, '--scenarios', '1012', '--time-scale', '0.25'], {
      command: bin,
      cwd: project,
      env,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Endpoint: ${ws}`);
    expect(r.stdout).toMatch(/^ {2}1012 +FITS +\d\.\d\d s +1–5 s$/m);
    expect(r.stdout).toContain('No problem in 1 check (profile: default).');
  }, 180_000);
});

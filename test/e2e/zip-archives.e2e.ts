/**
 * `npm run zip`'s script on the built dist/: the three archives open as zips
 * (JSZip, checking every CRC), the store archives hold each build with its
 * manifest at the root for package.json's version, and the source archive
 * holds what a reviewer rebuilds from and none of the outputs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import JSZip from 'jszip';
import pkg from '../../package.json';
import { filesUnder } from '../../scripts/lib/archive-files.mjs';
import { distDir } from '../../scripts/lib/dist.mjs';

const root = resolve(__dirname, '../..');
const names = {
  chrome: `closeline-chrome-${pkg.version}.zip`,
  firefox: `closeline-firefox-${pkg.version}.zip`,
  source: `closeline-${pkg.version}-source.zip`,
};

let dir: string;
let stdout: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'closeline-zip-'));
  stdout = execFileSync(process.execPath, ['scripts/zip.mjs', '--out', join(dir, 'a')], {
    cwd: root,
    encoding: 'utf8',
  });
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, sub = 'a') {
  return JSZip.loadAsync(readFileSync(join(dir, sub, name)), { checkCRC32: true });
}
const files = (z: JSZip) => Object.keys(z.files).filter((f) => !z.files[f]!.dir);
async function json(z: JSZip, name: string) {
  const entry = z.file(name);
  expect(entry, name).not.toBeNull();
  return JSON.parse(await entry!.async('string')) as Record<string, unknown>;
}

interface Manifest {
  version: string;
  background: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string } };
}

describe('npm run zip', () => {
  it('writes the three archives into the --out folder', () => {
    for (const name of Object.values(names)) expect(stdout).toContain(`${name}: `);
  });

  it.each(['chrome', 'firefox'] as const)('the %s archive is the build, manifest at the root', async (target) => {
    const z = await open(names[target]);
    expect(files(z).sort()).toEqual(filesUnder(distDir(target)));
    const manifest = (await json(z, 'manifest.json')) as unknown as Manifest;
    expect(manifest.version).toBe(pkg.version);
    const worker = manifest.background.service_worker;
    const scripts = manifest.background.scripts;
    if (target === 'chrome') {
      expect(worker).toEqual(expect.any(String));
      expect(z.file(worker!), worker).not.toBeNull();
    } else {
      expect(manifest.browser_specific_settings?.gecko?.id).toEqual(expect.stringMatching(/\S/));
      expect(scripts?.length).toBeGreaterThan(0);
      for (const s of scripts ?? []) expect(z.file(s), s).not.toBeNull();
    }
  });

  it('the source archive holds what a rebuild needs and no dependencies or outputs', async () => {
    const z = await open(names.source);
    const list = files(z);
    expect((await json(z, 'package.json')).version).toBe(pkg.version);
    expect(z.file('package-lock.json')).not.toBeNull();
    expect(z.file('src/background/index.ts')).not.toBeNull();
    expect(list.filter((f) => f.startsWith('src/')).length).toBeGreaterThan(50);
    expect(list.filter((f) => /^(node_modules|dist|dist-cli|artifacts|\.git)\//.test(f))).toEqual([]);
  });

  it('gives byte-identical archives for the same files', () => {
    execFileSync(process.execPath, ['scripts/zip.mjs', '--out', join(dir, 'b')], { cwd: root, stdio: 'ignore' });
    for (const name of Object.values(names))
      expect(readFileSync(join(dir, 'b', name)).equals(readFileSync(join(dir, 'a', name))), name).toBe(true);
  });

  it('leaves an --out folder inside the checkout (not ignored by git) out of the source archive, run after run', async () => {
    const inside = mkdtempSync(join(root, 'zip-out-'));
    try {
      for (let i = 0; i < 2; i++)
        execFileSync(process.execPath, ['scripts/zip.mjs', '--out', inside], { cwd: root, stdio: 'ignore' });
      const z = await JSZip.loadAsync(readFileSync(join(inside, names.source)), { checkCRC32: true });
      const folder = `${basename(inside)}/`;
      expect(files(z).filter((f) => f.startsWith(folder))).toEqual([]);
      expect(z.file('package.json')).not.toBeNull();
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  });
});

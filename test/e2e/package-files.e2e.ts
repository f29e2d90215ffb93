/**
 * `npx closeline audit` from the packed tarball needs the built extension, the
 * audit page and the built command line in it: `files` in package.json decides.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import pkg from '../../package.json';

const root = resolve(__dirname, '../..');

describe('the packed package', () => {
  it('ships the closeline command, its built code and the built extension with its audit page', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
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

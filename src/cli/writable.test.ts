import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unwritable } from './writable';

const dir = mkdtempSync(join(tmpdir(), 'closeline-writable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unwritable', () => {
  it('takes a new file in an existing folder, and creates nothing', () => {
    const path = join(dir, 'new.json');
    expect(unwritable(path)).toBeUndefined();
    expect(existsSync(path)).toBe(false);
  });

  it('takes an existing file, and leaves its content as it was', () => {
    const path = join(dir, 'old.json');
    writeFileSync(path, 'before');
    expect(unwritable(path)).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe('before');
  });

  it.each([
    ['a folder that does not exist', () => join(dir, 'missing', 'out.json'), /ENOENT/],
    [
      'a folder',
      () => {
        const path = join(dir, 'a-folder');
        mkdirSync(path, { recursive: true });
        return path;
      },
      /EISDIR/,
    ],
  ])('refuses %s, with the reason', (_name, make, reason) => {
    expect(unwritable(make())).toMatch(reason);
  });
});

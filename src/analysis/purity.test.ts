/** The analysis core is pure: it must run in any context, so no browser globals. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = `${dirname(fileURLToPath(import.meta.url))}/`;
// Followed by an identifier, so prose such as "the link window." in comments does not count.
const FORBIDDEN = /\b(chrome|browser|document|window)\.[A-Za-z_$]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('src/analysis purity', () => {
  const files = sources(ROOT);
  it('finds the analysis sources', () => {
    expect(files.map((f) => f.slice(ROOT.length)).sort()).toEqual(expect.arrayContaining(['index.ts', 'verdicts.ts', 'profiles/default.ts']));
  });

  it.each(files.map((f) => [f.slice(ROOT.length), f]))('%s uses no chrome., browser., document. or window.', (_name, file) => {
    const offending = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => FORBIDDEN.test(line));
    expect(offending).toEqual([]);
  });

  it('the check itself catches a browser reference', () => {
    expect(FORBIDDEN.test('const x = chrome.runtime.id;')).toBe(true);
    expect(FORBIDDEN.test('window.addEventListener')).toBe(true);
    expect(FORBIDDEN.test(' * within the link window.')).toBe(false);
  });
});

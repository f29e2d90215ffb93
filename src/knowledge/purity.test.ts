// src/knowledge must stay pure data: no extension, DOM or polyfill APIs, so the
// analysis core, the service worker and node scripts can all import it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** Comments may talk about browsers; only code counts. */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const FORBIDDEN = /\b(chrome|browser|document|window|globalThis|navigator|localStorage)\b|webextension-polyfill|from 'react'/;

describe('knowledge purity', () => {
  it('finds the source files it checks', () => {
    expect(sources).toEqual(expect.arrayContaining(['index.ts', 'lookup.ts', 'codes-rfc.ts', 'comparisons.ts']));
  });

  it.each(sources)('%s uses no browser, DOM or extension API', (file) => {
    const code = stripComments(readFileSync(join(dir, file), 'utf8'));
    expect(code.match(FORBIDDEN)?.[0]).toBeUndefined();
  });

  it('the check catches a reference hidden after code on a line', () => {
    expect(stripComments("const x = 1; chrome.runtime.id; // note").match(FORBIDDEN)?.[0]).toBe('chrome');
    expect(stripComments("// window is fine in a comment").match(FORBIDDEN)).toBeNull();
  });
});

/** The reconnect check's engine is pure: the panel, the audit page and tests inject what touches the browser. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = dirname(fileURLToPath(import.meta.url));
const FORBIDDEN = /\b(chrome|browser|document|window)\.[A-Za-z_$]|webextension-polyfill|from '\.\.\/(ui|panel|background|content)\//;
const files = readdirSync(ROOT).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('src/audit purity', () => {
  it('finds the engine', () => {
    expect(files).toEqual(expect.arrayContaining(['engine.ts', 'scenarios.ts', 'render.ts']));
  });

  it.each(files)('%s uses no browser API and imports no UI or extension module', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8').split('\n').filter((l) => FORBIDDEN.test(l))).toEqual([]);
  });

  it('the check itself catches a browser reference and a UI import', () => {
    expect(FORBIDDEN.test("import browser from 'webextension-polyfill';")).toBe(true);
    expect(FORBIDDEN.test("import { t } from '../ui/i18n';")).toBe(true);
  });
});

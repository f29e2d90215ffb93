// @vitest-environment node
/**
 * The layer rules in eslint.config.js, exercised through that very file: each rule
 * must fire on a small snippet placed in its layer (and stay quiet on what the layer
 * may do), so a moved folder or a broken glob cannot switch a rule off unnoticed.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** "rule: message" for every problem the real config reports on `code` placed at `path`. */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

// Loading the config and the parsers takes seconds on a busy machine: do it once, unhurried.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(() => lint('src/analysis/warm-up.ts', 'export {};'), 120_000);

const rules = (problems: string[]) => problems.map((p) => p.slice(0, p.indexOf(':')));

describe('the pure core (analysis, knowledge, protocol, audit) reaches no browser API', () => {
  it.each([
    'src/analysis/x.ts',
    'src/knowledge/x.ts',
    'src/protocol/x.ts',
    'src/audit/x.ts',
    'src/analysis/profiles/x.ts',
  ])('%s: extension globals, DOM globals, the polyfill, React, UI and Node imports are errors', async (path) => {
    const problems = await lint(
      path,
      [
        "import browser from 'webextension-polyfill';",
        "import { useState } from 'react';",
        "import { t } from '../ui/i18n';",
        "import { readFileSync } from 'node:fs';",
        'export const a = [browser, useState, t, readFileSync];',
        'export const b = chrome.runtime.id;',
        'export const c = window.location.href;',
        'export const d = document.title;',
        'export const e = globalThis.navigator;',
      ].join('\n'),
    );
    expect(rules(problems)).toEqual([
      ...Array(4).fill('no-restricted-imports'),
      ...Array(4).fill('no-restricted-globals'),
    ]);
    expect(problems[0]).toContain('Reach the browser only in an adapter');
    expect(problems[4]).toContain('The pure core reaches no browser API');
  });

  it.each(["'fs'", "'path'", "'node:path'", "'fs/promises'"])(
    'a Node module, with or without node:, is an error in the core: %s',
    async (from) => {
      const problems = await lint('src/protocol/x.ts', `import * as m from ${from};\nexport const x = m;`);
      expect(rules(problems)).toEqual(['no-restricted-imports']);
    },
  );

  it('imports within the core and plain language globals are fine', async () => {
    const problems = await lint(
      'src/analysis/x.ts',
      "import { lookupCode } from '../knowledge';\nimport type { Recording } from '../protocol/recording';\n" +
        'export const f = (r: Recording) => [lookupCode, new URL(r.connections[0]!.url), Math.max(1, 2)];',
    );
    expect(problems).toEqual([]);
  });

  it('test files in the core may use Node', async () => {
    expect(
      await lint('src/analysis/x.test.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"),
    ).toEqual([]);
  });
});

describe('views reach the browser only through their data source', () => {
  const touch = "import browser from 'webextension-polyfill';\nexport const a = [browser, chrome.runtime.id];";

  it.each(['src/panel/x.tsx', 'src/popup/x.tsx', 'src/ui/components/x.tsx', 'src/panel/timeline/x.ts'])(
    '%s: errors',
    async (path) => {
      const problems = await lint(path, touch);
      expect(rules(problems)).toEqual(['no-restricted-imports', 'no-restricted-globals']);
      expect(problems[0]).toContain('data source');
    },
  );

  it.each(['src/ui/data/extension-source.ts', 'src/ui/locale/start.ts', 'src/panel/main.tsx', 'src/popup/main.tsx'])(
    '%s (an adapter or entry) may',
    async (path) => {
      expect(await lint(path, touch)).toEqual([]);
    },
  );

  it('a view importing the background or a content script is an error', async () => {
    const problems = await lint('src/panel/x.ts', "import { Hub } from '../background/hub';\nexport const h = Hub;");
    expect(problems).toEqual([expect.stringContaining('only through the view API')]);
  });
});

describe('the background imports no UI', () => {
  it.each(["'../panel/App'", "'../popup/Popup'", "'../ui/components/Banner'", "'react'", "'../content/relay/limits'"])(
    'importing %s is an error',
    async (from) => {
      const problems = await lint('src/background/x.ts', `import * as m from ${from};\nexport const x = m;`);
      expect(rules(problems)).toEqual(['no-restricted-imports']);
    },
  );

  it('the protocol, the analysis and the shared translator are fine', async () => {
    const code =
      "import { wrap } from '../protocol/messages';\nimport { analyzeRecording } from '../analysis';\n" +
      "import { t } from '../i18n/translate';\nexport const x = [wrap, analyzeRecording, t];";
    expect(await lint('src/background/x.ts', code)).toEqual([]);
  });
});

describe('the MAIN-world hook imports nothing but the protocol and its own files', () => {
  it.each(["'webextension-polyfill'", "'../relay/limits'", "'../../ui/i18n'", "'../../analysis'", "'react'"])(
    'importing %s is an error',
    async (from) => {
      const problems = await lint('src/content/hook/x.ts', `import * as m from ${from};\nexport const x = m;`);
      expect(problems).toEqual([expect.stringContaining('The hook imports nothing but src/protocol')]);
    },
  );

  it.each([
    ['src/content/hook.iife.ts', "'./relay/limits'"],
    ['src/content/hook.iife.ts', "'./relay.iife'"],
    ['src/content/hook/x.ts', "'./../relay/limits'"],
    ['src/content/hook/x.ts', "'./../../ui/i18n'"],
  ])('%s: importing %s, outside the hook though it starts with ./, is an error', async (path, from) => {
    const problems = await lint(path, `import * as m from ${from};\nexport const x = m;`);
    expect(problems).toEqual([expect.stringContaining('The hook imports nothing but src/protocol')]);
  });

  it('extension globals are errors in the hook', async () => {
    const problems = await lint('src/content/hook/x.ts', 'export const x = chrome.runtime.id;');
    expect(rules(problems)).toEqual(['no-restricted-globals']);
  });

  it('its own files and the protocol are fine, also from the entry', async () => {
    const code =
      "import { saveNatives } from './natives';\nimport { HOOK_PORT_REPLY } from '../../protocol/messages';\n" +
      'export const x = [saveNatives, HOOK_PORT_REPLY];';
    expect(await lint('src/content/hook/x.ts', code)).toEqual([]);
    expect(
      await lint('src/content/hook.iife.ts', "import { installHook } from './hook/install';\ninstallHook();"),
    ).toEqual([]);
  });
});

describe('rules of hooks', () => {
  it('a hook called conditionally is an error, a missing dependency a warning', async () => {
    const code = [
      "import { useEffect, useState } from 'react';",
      'export function useThing(on: boolean, n: number) {',
      '  if (on) useState(0);',
      '  useEffect(() => console.log(n), []);',
      '}',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: `${root}src/panel/x.ts` });
    const found = (result?.messages ?? []).map((m) => [m.ruleId, m.severity]);
    expect(found).toEqual([
      ['react-hooks/rules-of-hooks', 2],
      ['react-hooks/exhaustive-deps', 1],
    ]);
  });
});

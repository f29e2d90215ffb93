// Lint: typescript-eslint's recommended rules (TypeScript is pinned to 6.0.x
// because typescript-eslint 8 accepts TypeScript < 6.1 only), the rules of hooks,
// and the layer rules below. `npm run lint` fails on any warning.
// scripts/eslint-layers.test.ts lints a small snippet per rule through this very file, so a
// rule that stops firing (a moved folder, a changed glob) fails the unit tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

// Extension APIs and the DOM: what the pure core may not reach, whether by a global
// or through the polyfill.
const EXTENSION_GLOBALS = ['chrome', 'browser'];
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'self',
  'globalThis',
  'fetch',
  'XMLHttpRequest',
  'indexedDB',
  'matchMedia',
  'requestAnimationFrame',
  'getComputedStyle',
  'HTMLElement',
  'Element',
  'Node',
  'Event',
  'EventTarget',
  'MessageEvent',
  'MessagePort',
  'MessageChannel',
  'WebSocket',
  'CloseEvent',
];
const polyfill = { name: 'webextension-polyfill', message: 'Reach the browser only in an adapter outside this layer.' };
const react = [
  { name: 'react', message: 'UI code lives in src/ui, src/panel and src/popup.' },
  { name: 'react-dom', message: 'UI code lives in src/ui, src/panel and src/popup.' },
  { name: 'react-dom/client', message: 'UI code lives in src/ui, src/panel and src/popup.' },
];
const restricted = (names, why) => names.map((name) => ({ name, message: why }));

// The UI reaches the browser only through these modules: its data source (the view API's
// transport), the locale wiring that reads the catalog files, and the entry files that
// compose them (thin: each only reads the environment and renders).
const UI_BROWSER_ADAPTERS = [
  'src/ui/data/extension-source.ts',
  'src/ui/locale/start.ts',
  'src/panel/main.tsx',
  'src/popup/main.tsx',
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'artifacts/', '.demo-out/', '.tmp-*', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        chrome: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        navigator: 'readonly',
        MessageChannel: 'readonly',
        WebSocket: 'readonly',
        DOMException: 'readonly',
        EventTarget: 'readonly',
        TextEncoder: 'readonly',
        Blob: 'readonly',
        structuredClone: 'readonly',
        __dirname: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // React's rules of hooks, for every component and hook.
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The pure core: analysis, knowledge, the message protocol and the reconnect check's
    // engine run in the worker, the views, the command line and Node tests alike.
    files: ['src/analysis/**', 'src/knowledge/**', 'src/protocol/**', 'src/audit/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-globals': [
        'error',
        ...restricted(
          [...EXTENSION_GLOBALS, ...DOM_GLOBALS],
          'The pure core reaches no browser API: inject what it needs.',
        ),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [polyfill, ...react],
          patterns: [
            {
              group: ['**/ui/**', '**/panel/**', '**/popup/**', '**/background/**', '**/content/**', 'node:*'],
              message: 'The pure core imports only the pure core (analysis, knowledge, protocol).',
            },
            {
              // Node's modules also without the node: prefix (`fs`, `fs/promises`).
              group: builtinModules.flatMap((m) => [m, `${m}/*`]),
              message: 'The pure core imports only the pure core (analysis, knowledge, protocol).',
            },
          ],
        },
      ],
    },
  },
  {
    // Views: the browser only through their data source and the other adapters above.
    files: ['src/ui/**', 'src/panel/**', 'src/popup/**'],
    ignores: [...TESTS, ...UI_BROWSER_ADAPTERS],
    rules: {
      'no-restricted-globals': [
        'error',
        ...restricted(EXTENSION_GLOBALS, 'Views reach the browser only through their data source (src/ui/data/).'),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...polyfill, message: 'Views reach the browser only through their data source (src/ui/data/).' }],
          patterns: [
            {
              group: ['**/background/**', '**/content/**'],
              message: 'Views talk to the background only through the view API.',
            },
          ],
        },
      ],
    },
  },
  {
    // The background imports no UI; the translator it shares with the views lives in src/i18n.
    files: ['src/background/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: react,
          patterns: [
            {
              group: ['**/ui/**', '**/panel/**', '**/popup/**'],
              message: 'The background imports no UI (panel, popup, src/ui components).',
            },
            { group: ['**/content/**'], message: 'The background and the content scripts meet only in src/protocol.' },
          ],
        },
      ],
    },
  },
  ...[
    // The MAIN-world hook: a tiny standalone script in the page. It imports its own files
    // and the protocol's types and constants, nothing else (no polyfill, no extension API).
    // Its own files: beside it in src/content/hook/, or there from the entry; no `..` inside a path.
    { files: ['src/content/hook/**'], own: '\\./(?!.*\\.\\.)|\\.\\./\\.\\./protocol/[a-z-]+$' },
    { files: ['src/content/hook.iife.ts'], own: '\\./hook/(?!.*\\.\\.)' },
  ].map(({ files, own }) => ({
    files,
    ignores: TESTS,
    rules: {
      'no-restricted-globals': [
        'error',
        ...restricted(EXTENSION_GLOBALS, 'The hook runs in the page: no extension API exists there.'),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!${own})`,
              message: 'The hook imports nothing but src/protocol and its own files.',
            },
          ],
        },
      ],
    },
  })),
  {
    // Browser-run test probe and Node scripts.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        Buffer: 'readonly',
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        Reflect: 'readonly',
        Proxy: 'readonly',
        DOMException: 'readonly',
        TypeError: 'readonly',
        MessageChannel: 'readonly',
        EventTarget: 'readonly',
        WebSocket: 'readonly',
        WebSocketStream: 'readonly',
        Function: 'readonly',
        Object: 'readonly',
        Promise: 'readonly',
      },
    },
  },
);

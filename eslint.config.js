// Lint: typescript-eslint's recommended rules (TypeScript is pinned to 6.0.x
// because typescript-eslint 8 accepts TypeScript < 6.1 only).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'artifacts/', '.demo-out/', '.tmp-*', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly', chrome: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', performance: 'readonly', navigator: 'readonly', MessageChannel: 'readonly', WebSocket: 'readonly', DOMException: 'readonly', EventTarget: 'readonly', TextEncoder: 'readonly', Blob: 'readonly', structuredClone: 'readonly', __dirname: 'readonly', globalThis: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Browser-run test probe and Node scripts.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', location: 'readonly', Buffer: 'readonly', process: 'readonly', console: 'readonly', setTimeout: 'readonly', Reflect: 'readonly', Proxy: 'readonly', DOMException: 'readonly', TypeError: 'readonly', MessageChannel: 'readonly', EventTarget: 'readonly', WebSocket: 'readonly', WebSocketStream: 'readonly', Function: 'readonly', Object: 'readonly', Promise: 'readonly' } },
  },
);

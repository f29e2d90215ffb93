import type { Plugin } from 'vite';

export function strictContentScripts(): Plugin;

import type { Plugin } from 'vite';

export const HOOK_FILE: string;
export const HOOK_INTERNAL_PROPS: string[];
export function mangleHookProps(code: string): string;
export function minifyHook(): Plugin;
export function asArrowIife(code: string): string;

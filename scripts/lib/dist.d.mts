export const ROOT: string;
export type Target = 'chrome' | 'firefox';
export const TARGETS: readonly Target[];
export function distDir(target?: Target): string;
export const CHROME_DIST: string;
export const FIREFOX_DIST: string;

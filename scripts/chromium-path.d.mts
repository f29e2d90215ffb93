export const CANDIDATES: string[];
export const INSTALL_HINT: string;
export function findChromium(): string | undefined;
export const UI_LANGUAGES: string[];
export function missingLocales(binary: string): string[];

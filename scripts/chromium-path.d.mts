export const CANDIDATES: string[];
export const INSTALL_HINT: string;
export function findChromium(): string | undefined;

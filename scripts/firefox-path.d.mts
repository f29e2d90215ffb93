export const FIREFOX_CANDIDATES: string[];
export const FIREFOX_INSTALL_HINT: string;
export function findFirefox(): string | undefined;

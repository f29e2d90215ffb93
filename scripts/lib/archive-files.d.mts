export const SOURCE_EXCLUDED: string[];
export function filesUnder(dir: string): string[];
export function sourceFiles(root: string): string[];

export function writeDocIfComplete(_dir: string, _seed: number): string | undefined { return undefined; }

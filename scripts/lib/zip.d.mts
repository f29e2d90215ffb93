export function zip(entries: { name: string; data: Buffer }[]): Buffer;

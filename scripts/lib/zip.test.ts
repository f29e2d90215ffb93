import { describe, expect, it } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { zip } from './zip.mjs';
import { sourceFiles } from './archive-files.mjs';
import { ROOT } from './dist.mjs';

/** Reads an archive back through its central directory, the way unzip tools do. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

describe('zip', () => {
  const files = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}'.repeat(50)) },
    { name: 'src/ü/x.bin', data: Buffer.from([0, 1, 2, 255]) },
    { name: 'empty', data: Buffer.alloc(0) },
  ];

  it('round-trips names and contents, compressed or stored', () => {
    const back = unzip(zip(files));
    expect([...back.keys()]).toEqual(files.map((f) => f.name));
    for (const f of files) expect(back.get(f.name)).toEqual(f.data);
  });

  it('is byte-identical for the same files', () => {
    expect(zip(files).equals(zip(files))).toBe(true);
  });

  it.each(['/abs', '../up', 'a/../../b', ''])('refuses the unsafe path "%s"', (name) => {
    expect(() => zip([{ name, data: Buffer.alloc(1) }])).toThrow(/unsafe path/);
  });

  it('refuses duplicate paths', () => {
    expect(() => zip([files[0]!, files[0]!])).toThrow(/duplicate/);
  });
});

describe('sourceFiles', () => {
  it('lists the sources a reviewer needs and no dependencies or builds', () => {
    const list = sourceFiles(ROOT);
    expect(list).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'manifest.json',
        'vite.config.ts',
        'src/background/index.ts',
      ]),
    );
    expect(list.filter((f) => /^(node_modules|dist|artifacts|\.git)\//.test(f))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { connectionOf, closeAt, openAt, recordingOf, T0 } from '../../test-support/recordings';
import { readRecordingFile } from './import-file';

// Non-ASCII text in a reason and a URL, so a wrong decoding cannot pass by chance.
const rec = recordingOf([
  connectionOf({
    id: 'a',
    url: 'wss://app.example/ws?q=é',
    events: [openAt(T0 + 1), closeAt(T0 + 5, 1012, { reason: 'redémarrage — 再起動 😀' })],
  }),
]);
const json = JSON.stringify(rec);

function utf16(text: string, bigEndian: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = u & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = u >> 8;
  }
  return out;
}

describe('readRecordingFile', () => {
  it.each([
    ['UTF-8', new Uint8Array(new TextEncoder().encode(json))],
    ['UTF-8 with a byte order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)])],
    // What Windows PowerShell's `>` and Out-File write: a colleague's copy of an export may come so.
    ['UTF-16 little-endian with a byte order mark', utf16(json, false)],
    ['UTF-16 big-endian with a byte order mark', utf16(json, true)],
  ])('reads a recording saved as %s, every character as written', async (_name, bytes) => {
    const res = await readRecordingFile(new Blob([bytes]));
    expect(res).toEqual({ ok: true, recording: rec });
  });

  it('refuses a file over the size bound before reading it', async () => {
    const file = new Blob(['x']);
    Object.defineProperty(file, 'size', { value: 50 * 1024 * 1024 + 1 });
    file.text = () => Promise.reject(new Error('read'));
    expect(await readRecordingFile(file)).toEqual({
      ok: false,
      error: { id: 'panel_import_err_too_large', subs: ['50'] },
    });
  });

  it('says a zip archive (or any other binary file) is not JSON, without unpacking it', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0xff, 0xfe, 0, 0]);
    expect(await readRecordingFile(new Blob([zip]))).toEqual({ ok: false, error: { id: 'panel_import_err_json' } });
  });
});

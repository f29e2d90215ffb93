import { MAX_IMPORT_BYTES, parseRecording, type ParseResult } from '../../protocol/validate-recording';

/** The encoding a UTF-16 byte order mark names, if the bytes start with one. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The file's text: UTF-8, or UTF-16 when it starts with that encoding's byte order mark (what Windows
 * PowerShell's `>` and Out-File write, so a colleague's copy of an export may come so). Read as UTF-8,
 * such a file starts with two replacement characters (neither byte of its mark is valid UTF-8): only then
 * are its bytes read again. A byte order mark is not part of the text.
 */
async function readText(file: Blob): Promise<string> {
  let text = await file.text();
  if (text.startsWith('\uFFFD\uFFFD')) {
    const encoding = utf16Of(new Uint8Array(await file.slice(0, 2).arrayBuffer()));
    if (encoding) text = new TextDecoder(encoding).decode(await file.arrayBuffer());
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads and validates a chosen file; the size is checked before reading a byte. Never rejects. */
export async function readRecordingFile(file: Blob): Promise<ParseResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: { id: 'panel_import_err_too_large', subs: ['50'] } };
  let text: string;
  try {
    text = await readText(file);
  } catch {
    return { ok: false, error: { id: 'panel_import_err_unreadable' } };
  }
  return parseRecording(text);
}

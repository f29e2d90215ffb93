import { MAX_IMPORT_BYTES, parseRecording, type ParseResult } from '../../protocol/validate-recording';

/** Reads and validates a chosen file; the size is checked before reading a byte. Never rejects. */
export async function readRecordingFile(file: Blob): Promise<ParseResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: { id: 'panel_import_err_too_large', subs: ['50'] } };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: { id: 'panel_import_err_unreadable' } };
  }
  return parseRecording(text);
}

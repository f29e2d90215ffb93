/**
 * What a worker reads back from storage.session at its start, checked before it is trusted. The
 * values are the background's own, but a value of another shape (a bug, an older build's layout)
 * must cost only itself: a chunk that threw while loading made every later request wait on a start
 * that never finished, for as long as the browser ran. Connections are checked as an import checks
 * them (the exact-shape check first, so a start costs no copies); one that fails is left out alone.
 */
import { exactConnection } from '../protocol/exact-connection';
import { type Connection, type Recording } from '../protocol/recording';
import { decodeConnection } from '../protocol/recording-decoders';
import { decodeStoredRecording } from '../protocol/validate-recording';
import { attempt } from '../protocol/decode';
import type { DocInfo } from './tab-recording';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored chunk's connections with their batch numbers; what is not a connection is counted, not kept.
 * `chunk` is false for a value that is no chunk at all (its key is then removed).
 */
export function storedChunk(v: unknown): { seqs: [Connection, number][]; refused: number; chunk: boolean } {
  const seqs: [Connection, number][] = [];
  if (!isObj(v) || !Array.isArray(v.c)) return { seqs, refused: 0, chunk: false };
  const n = Array.isArray(v.n) ? v.n : [];
  let refused = 0;
  for (let i = 0; i < v.c.length; i++) {
    const raw: unknown = v.c[i];
    const c = exactConnection(raw) ? (raw as Connection) : attempt(decodeConnection, raw);
    if (!c) {
      refused++;
      continue;
    }
    const seq: unknown = n[i];
    seqs.push([c, typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : 0]);
  }
  return { seqs, refused, chunk: true };
}

const isDoc = (d: unknown): d is DocInfo =>
  isObj(d) &&
  typeof d.frameId === 'number' &&
  typeof d.url === 'string' &&
  (d.site === undefined || typeof d.site === 'string') &&
  typeof d.isTop === 'boolean' &&
  typeof d.lastSeq === 'number' &&
  typeof d.gone === 'boolean';

/** A tab's stored recording with the connections given, and its documents; undefined when the meta is not one. */
export function storedTab(
  meta: unknown,
  connections: Connection[],
): { recording: Recording; docs: Record<string, DocInfo> } | undefined {
  if (!isObj(meta) || !isObj(meta.recording)) return undefined;
  const recording = decodeStoredRecording({ ...meta.recording, connections });
  if (!recording) return undefined;
  const docs: Record<string, DocInfo> = {};
  if (isObj(meta.docs)) for (const [id, d] of Object.entries(meta.docs)) if (isDoc(d)) docs[id] = d;
  return { recording, docs };
}

/** UTF-8 bytes of a string: what storage.session's quota counts (a CJK character is 3 bytes, not 1). */
export function utf8Bytes(s: string): number {
  // Most stored text is ASCII: one native scan decides.
  if (!NON_ASCII.test(s)) return s.length;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate is half of a 4-byte character (or an escape of 6 ASCII bytes in JSON: a lone one).
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}
const NON_ASCII = /[\u0080-\uffff]/;

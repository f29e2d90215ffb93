import { describe, expect, it } from 'vitest';
import { conn, recordingOf } from '../panel/fixtures/recording';
import { storedChunk, storedTab, utf8Bytes } from './stored';

describe('utf8Bytes', () => {
  it.each([
    ['', 0],
    ['ascii', 5],
    ['é', 2],
    ['中文', 6],
    ['😀', 4],
    // JSON.stringify writes a lone surrogate as a 6-character escape; alone in a string it counts 2 here.
    ['\ud800', 2],
    ['a中😀é', 1 + 3 + 4 + 2],
  ])('%j is %i bytes', (s, want) => {
    expect(utf8Bytes(s)).toBe(want);
  });

  it("agrees with Node's UTF-8 encoder on well-formed text", () => {
    const text = 'Closeline · إغلاق · बंद · 关闭 · 🔌 ' + 'x'.repeat(100);
    expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});

describe('storedChunk', () => {
  const good = conn({ id: 'a', code: 1000 });
  const closed = conn({ id: 's', code: 1005, pageClosed: true });
  const stream = {
    ...closed,
    api: 'WebSocketStream' as const,
    events: closed.events.map((e) => (e.type === 'close-call' ? { ...e, readyState: -1 } : e)),
  };
  it.each<[string, unknown, { ids: string[]; seqs: number[]; refused: number }]>([
    ['a chunk as stored', { n: [4], c: [good] }, { ids: ['a'], seqs: [4], refused: 0 }],
    ['not an object', 'junk', { ids: [], seqs: [], refused: 0 }],
    ['connections not a list', { n: [1], c: 'junk' }, { ids: [], seqs: [], refused: 0 }],
    ['one connection of another shape', { n: [1, 2], c: [{ id: 5 }, good] }, { ids: ['a'], seqs: [2], refused: 1 }],
    ['a batch number missing or not one', { n: [-1], c: [good] }, { ids: ['a'], seqs: [0], refused: 0 }],
    [
      'a WebSocketStream the page closed (its close() call has readyState -1)',
      { n: [3], c: [stream] },
      { ids: ['s'], seqs: [3], refused: 0 },
    ],
  ])('%s', (_name, value, want) => {
    const got = storedChunk(value);
    expect({ ids: got.seqs.map(([c]) => c.id), seqs: got.seqs.map(([, n]) => n), refused: got.refused }).toEqual(want);
  });
});

describe('storedTab', () => {
  const { connections: _c, ...meta } = recordingOf([]);
  const doc = { frameId: 0, url: 'http://127.0.0.1/', isTop: true, lastSeq: 3, gone: false };
  it('reads a meta as stored, with the connections given', () => {
    const c = conn({ id: 'a', code: 1000 });
    const got = storedTab({ recording: meta, docs: { D: doc } }, [c]);
    expect(got?.recording).toEqual(recordingOf([c]));
    expect(got?.docs).toEqual({ D: doc });
  });
  it.each<[string, unknown]>([
    ['no meta', undefined],
    ['a meta that is not an object', 5],
    ['a recording of another format', { recording: { ...meta, format: 'other' }, docs: {} }],
    ['a recording missing its dropped counts', { recording: { ...meta, dropped: undefined }, docs: {} }],
  ])('refuses %s', (_name, value) => {
    expect(storedTab(value, [])).toBeUndefined();
  });
  it('leaves out documents of another shape', () => {
    const got = storedTab({ recording: meta, docs: { D: doc, E: { frameId: '0' }, F: null } }, []);
    expect(got?.docs).toEqual({ D: doc });
  });
});

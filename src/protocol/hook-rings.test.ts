import { describe, expect, it } from 'vitest';
import { lastMessagesFromRings } from './hook-rings';

const CLOSE = 1_800_000_000_000;
const SKEW = 24 * 3600 * 1000;
const utf8 = (s: string) => new TextEncoder().encode(s).length;

/** A ring as the hook posts it: slots written in order, `n` messages in all. */
function ring(items: { d?: unknown; n: number; at?: number }[]) {
  const data: unknown[] = [undefined, undefined, undefined, undefined, undefined];
  const at = [0, 0, 0, 0, 0];
  items.forEach((m, j) => {
    data[j % 5] = { d: m.d, n: m.n };
    at[j % 5] = m.at ?? CLOSE - 100 + j;
  });
  return { data, at, n: items.length };
}
const EMPTY = ring([]);
const one = (m: { d?: unknown; n: number }) => {
  const r = lastMessagesFromRings([ring([m]), EMPTY], CLOSE, SKEW);
  expect(r.truncated).toBe(false);
  return r.messages[0];
};

describe('the rings become messages', () => {
  it('keeps the last five each way (the ring wrapped), merged oldest first, received first at equal times', () => {
    const rin = ring(Array.from({ length: 8 }, (_v, i) => ({ d: `in${i + 1}`, n: 3, at: (i + 1) * 10 })));
    const rout = ring(
      Array.from({ length: 3 }, (_v, i) => ({ d: `out${i + 1}`, n: 4, at: i === 2 ? 40 : (i + 1) * 10 + 5 })),
    );
    const r = lastMessagesFromRings([rin, rout], 100, SKEW);
    expect(r.messages.map((m) => `${m.dir}:${m.text}@${m.at}`)).toEqual([
      'out:out1@15',
      'out:out2@25',
      'in:in4@40',
      'out:out3@40',
      'in:in5@50',
      'in:in6@60',
      'in:in7@70',
      'in:in8@80',
    ]);
    expect(r.truncated).toBe(false);
  });

  it('no messages: nothing, and nothing cut', () => {
    expect(lastMessagesFromRings([EMPTY, EMPTY], CLOSE, SKEW)).toEqual({ messages: [], truncated: false });
  });
});

describe('text is cut at 1 KiB of UTF-8 on a character boundary', () => {
  // The hook sends at most 1,025 UTF-16 units of each text and its full length.
  const sent = (s: string) => ({ d: s.slice(0, 1025), n: s.length });
  it.each([
    ['ASCII', 'a'.repeat(2000), 1024, 1024],
    ['two-byte é', 'é'.repeat(600), 512, 1024],
    ['three-byte €', '€'.repeat(400), 341, 1023],
    ['emoji (surrogate pairs) after one ASCII byte', 'a' + '😀'.repeat(300), 1 + 255 * 2, 1021],
    ['exactly 1,025 ASCII characters', 'b'.repeat(1025), 1024, 1024],
  ])('%s', (_n, input, units, bytes) => {
    const m = one(sent(input));
    expect(m).toMatchObject({ dir: 'in', kind: 'text', size: input.length, cut: true });
    expect(m?.text).toHaveLength(units);
    expect(utf8(m?.text ?? '')).toBe(bytes);
    const last = m?.text?.charCodeAt(units - 1) ?? 0;
    expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
  });

  it('short text is kept whole, with no cut flag', () => {
    const text = '{"error":"token expired"}';
    expect(one(sent(text))).toEqual({ dir: 'in', at: CLOSE - 100, kind: 'text', size: 25, text });
  });

  it('exactly 1024 bytes (512 two-byte characters) is not cut', () => {
    expect(one(sent('é'.repeat(512)))).not.toHaveProperty('cut');
  });

  it('a lone surrogate is kept within the byte budget', () => {
    const m = one(sent('\ud800'.repeat(400)));
    expect(m).toMatchObject({ kind: 'text', size: 400, cut: true });
    expect(m?.text?.length).toBe(341);
  });
});

describe('binary data: size and the first 64 bytes in hex; a Blob: size only', () => {
  const bytes = (n: number) => Uint8Array.from({ length: n }, (_v, i) => i);
  it('short binary data is whole', () => {
    expect(one({ d: bytes(3), n: 3 })).toEqual({ dir: 'in', at: CLOSE - 100, kind: 'binary', size: 3, hex: '000102' });
  });
  it('longer data: 64 bytes of hex, marked cut', () => {
    const m = one({ d: bytes(64), n: 100 });
    expect(m).toMatchObject({ kind: 'binary', size: 100, cut: true });
    expect(m?.hex).toHaveLength(128);
    expect(m?.hex?.slice(-4)).toBe('3e3f');
  });
  it('a detached buffer keeps its (zero) size and no bytes', () => {
    expect(one({ d: bytes(0), n: 0 })).toEqual({ dir: 'in', at: CLOSE - 100, kind: 'binary', size: 0, hex: '' });
  });
  it('Blob: size only; anything else: its kind only', () => {
    expect(one({ n: 5 })).toEqual({ dir: 'in', at: CLOSE - 100, kind: 'blob', size: 5 });
    expect(one({ n: -1 })).toEqual({ dir: 'in', at: CLOSE - 100, kind: 'other', size: 0 });
  });
});

describe('everything from the page is checked', () => {
  it('more than 64 bytes are never turned into hex', () => {
    const r = lastMessagesFromRings([ring([{ d: new Uint8Array(10_000).fill(0xab), n: 10_000 }]), EMPTY], CLOSE, SKEW);
    expect(r.messages[0]?.hex).toBe('ab'.repeat(64));
  });

  it('a huge message count still reads only the five slots', () => {
    const r = ring(Array.from({ length: 5 }, () => ({ d: 'x', n: 1 })));
    const got = lastMessagesFromRings([{ ...r, n: Number.MAX_SAFE_INTEGER }, EMPTY], CLOSE, SKEW);
    expect(got.messages).toHaveLength(5);
  });

  it.each([
    ['a size smaller than the binary data', { d: new Uint8Array(4), n: 2 }],
    ['a negative Blob size', { n: -2 }],
    ['a non-number size', { d: 'x', n: '1' }],
    ['data of an unknown kind', { d: [1, 2], n: 2 }],
  ])('drops %s and reports it', (_n, slot) => {
    const r = lastMessagesFromRings([ring([slot as { n: number }, { d: 'ok', n: 2 }]), EMPTY], CLOSE, SKEW);
    expect(r.messages.map((m) => m.text)).toEqual(['ok']);
    expect(r.truncated).toBe(true);
  });

  it('drops messages timed after the close or implausibly long before it', () => {
    const r = lastMessagesFromRings(
      [
        ring([
          { d: 'late', n: 4, at: CLOSE + 1 },
          { d: 'old', n: 3, at: CLOSE - SKEW - 1 },
          { d: 'ok', n: 2 },
        ]),
        EMPTY,
      ],
      CLOSE,
      SKEW,
    );
    expect(r.messages.map((m) => m.text)).toEqual(['ok']);
    expect(r.truncated).toBe(true);
  });
});

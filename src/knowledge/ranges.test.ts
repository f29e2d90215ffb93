import { describe, expect, it } from 'vitest';
import { CENTRIFUGO_ENTRIES, CENTRIFUGO_RANGES } from './codes-centrifugo';
import { lookupCode } from './index';
import { STANDARD_RANGES } from './ranges';
import type { CodeRange } from './types';

function gapsAndOverlaps(ranges: readonly CodeRange[], from: number, to: number): string[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const problems: string[] = [];
  let next = from;
  for (const r of sorted) {
    if (r.from > next) problems.push(`gap ${next}-${r.from - 1}`);
    if (r.from < next) problems.push(`overlap at ${r.from}`);
    if (r.to < r.from) problems.push(`inverted ${r.from}-${r.to}`);
    next = Math.max(next, r.to + 1);
  }
  if (next <= to) problems.push(`gap ${next}-${to}`);
  return problems;
}

describe('close-code ranges', () => {
  it('standard ranges cover every 16-bit code (so 0–4999) with no gap or overlap', () => {
    expect(gapsAndOverlaps(STANDARD_RANGES, 0, 65535)).toEqual([]);
  });

  it('Centrifugo ranges cover 3000–4999 with no gap or overlap', () => {
    expect(gapsAndOverlaps(CENTRIFUGO_RANGES, 3000, 4999)).toEqual([]);
  });

  it('the gap checker itself reports gaps and overlaps', () => {
    const [a, b] = STANDARD_RANGES;
    if (!a || !b) throw new Error('need two ranges');
    expect(gapsAndOverlaps([a, { ...b, from: b.from + 1 }], 0, b.to)).toEqual([`gap ${b.from}-${b.from}`]);
    expect(gapsAndOverlaps([a, { ...b, from: b.from - 1 }], 0, b.to)).toEqual([`overlap at ${b.from - 1}`]);
  });

  it.each([
    [0, 'invalid', 0, 999],
    [999, 'invalid', 0, 999],
    [1016, 'reserved', 1016, 2999],
    [2999, 'reserved', 1016, 2999],
    [3002, 'registered', 3000, 3999],
    [3999, 'registered', 3000, 3999],
    [4100, 'application', 4000, 4999],
    [4999, 'application', 4000, 4999],
    [5000, 'invalid', 5000, 65535],
  ] as const)('code %i with no context falls in the %s range %i–%i', (code, category, from, to) => {
    const found = lookupCode(code);
    expect(found.kind).toBe('range');
    if (found.kind !== 'range') return;
    expect([found.range.category, found.range.from, found.range.to]).toEqual([category, from, to]);
  });

  it.each([
    [3100, 'app-choice'],
    [3600, 'do-not-resend'],
    [4200, 'app-choice'],
    [4600, 'do-not-resend'],
  ] as const)('with a Centrifugo URL, unnamed code %i takes the Centrifugo range advice %s', (code, advice) => {
    const found = lookupCode(code, { url: 'wss://rt.example.com/connection/websocket' });
    expect(found.kind === 'range' && found.range.protocol === 'centrifugo' && found.range.reconnect).toBe(advice);
  });

  it.each(Array.from({ length: 16 }, (_, i) => 1000 + i))(
    'defined code %i has its own entry, so the 1000–1015 range is only a filler',
    (code) => {
      expect(lookupCode(code).kind).toBe('known');
    },
  );

  it.each(CENTRIFUGO_ENTRIES.map((e) => [e.code, e.reconnect] as const))(
    'Centrifugo %i advice (%s) agrees with its range (terminal or not)',
    (code, advice) => {
      const range = CENTRIFUGO_RANGES.find((r) => code >= r.from && code <= r.to);
      expect(range?.reconnect).toBe(advice);
    },
  );
});

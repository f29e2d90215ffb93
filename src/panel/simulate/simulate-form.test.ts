import { describe, expect, it } from 'vitest';
import { commandFor, parseCode, parseReason, parseSeconds } from './simulate-form';

describe('parseCode', () => {
  it.each([
    ['1000', 1000],
    ['1003', 1003],
    ['1007', 1007],
    ['1014', 1014],
    ['3000', 3000],
    [' 4999 ', 4999],
  ])('accepts %s', (text, code) => {
    expect(parseCode(text)).toEqual({ ok: true, value: code });
  });

  it.each(['1004', '1005', '1006', '1015', '2999', '5000', '1e3', '0x3e8', '-1000'])('refuses %s', (text) => {
    expect(parseCode(text)).toEqual({ ok: false, error: { id: 'panel_sim_err_code' } });
  });
});

describe('parseReason', () => {
  it('refuses a reason over 123 UTF-8 bytes with a family keyed on its bytes', () => {
    expect(parseReason('a'.repeat(123))).toEqual({ ok: true, value: 'a'.repeat(123) });
    expect(parseReason('é'.repeat(62))).toEqual({
      ok: false,
      error: { id: 'panel_sim_err_reason', subs: [124], plural: true },
    });
  });
});

describe('parseSeconds', () => {
  it.each([
    ['1', true],
    ['600', true],
    ['0', false],
    ['601', false],
    ['2.5', false],
  ])('%s → valid %s', (text, ok) => {
    expect(parseSeconds(text).ok).toBe(ok);
  });
});

describe('commandFor', () => {
  const good = { code: '1008', reason: 'policy', seconds: '5', stallSeconds: '8' };
  it.each([
    ['close', good, { kind: 'close', code: 1008, reason: 'policy' }],
    ['close', { ...good, code: '1006' }, null],
    ['close', { ...good, reason: 'x'.repeat(124) }, null],
    ['outage', good, { kind: 'outage', seconds: 5 }],
    ['outage', { ...good, seconds: '0' }, null],
    ['drop', { code: '', reason: '', seconds: '', stallSeconds: '' }, { kind: 'drop' }],
    [
      'scenario',
      { code: '', reason: '', seconds: '', stallSeconds: '' },
      { kind: 'close-then-outage', code: 1013, reason: '', seconds: 20 },
    ],
    ['stall', good, { kind: 'stall', seconds: 8 }],
    ['stall', { ...good, stallSeconds: '600' }, { kind: 'stall', seconds: 600 }],
    ['stall', { ...good, stallSeconds: '601' }, null],
    ['stall', { ...good, stallSeconds: '2.5' }, null],
    ['stall', { ...good, stallSeconds: '0' }, null],
  ] as const)('%s with %o', (action, values, want) => {
    expect(commandFor(action, values)).toEqual(want);
  });
});

import { describe, expect, it } from 'vitest';
import { clampChars, clampUrl, clampUtf8, PAGE_URL_CHARS, trimStack } from './clamp';

const utf8Len = (s: string) => new TextEncoder().encode(s).length;

describe('clampUtf8', () => {
  it.each([
    ['short ascii', 'bye', 123, 'bye', false],
    ['exactly 123 ascii', 'a'.repeat(123), 123, 'a'.repeat(123), false],
    ['124 ascii', 'a'.repeat(124), 123, 'a'.repeat(123), true],
    ['3-byte chars are not split', '€'.repeat(42), 123, '€'.repeat(41), true],
    ['surrogate pairs are not split', '😀'.repeat(31), 123, '😀'.repeat(30), true],
    ['mixed', 'ab' + 'é'.repeat(100), 10, 'ab' + 'é'.repeat(4), true],
  ])('%s', (_name, input, max, want, cut) => {
    const r = clampUtf8(input, max);
    expect(r).toEqual({ value: want, cut });
    expect(utf8Len(r.value)).toBeLessThanOrEqual(max);
  });
});

describe('clampChars', () => {
  it.each([
    ['fits', 'abc', 5, 'abc', false],
    ['cut', 'abcdef', 3, 'abc', true],
    ['no lone high surrogate', 'ab😀', 3, 'ab', true],
  ])('%s', (_n, input, max, want, cut) => {
    expect(clampChars(input, max)).toEqual({ value: want, cut });
  });
});

describe('trimStack', () => {
  const raw = [
    'Error',
    '    at Object.construct (chrome-extension://abc/src/content/hook.iife.js:1:200)',
    '    at connect (http://127.0.0.1/app.js:10:5)',
    '    at main (http://127.0.0.1/app.js:20:1)',
    '    at http://127.0.0.1/app.js:30:1',
  ].join('\n');
  it('drops the Error line and the extension frames', () => {
    expect(trimStack(raw, 8, 2000)).toEqual({
      value:
        'at connect (http://127.0.0.1/app.js:10:5)\nat main (http://127.0.0.1/app.js:20:1)\nat http://127.0.0.1/app.js:30:1',
      cut: false,
    });
  });
  it('keeps at most N frames and says it cut', () => {
    expect(trimStack(raw, 1, 2000)).toEqual({ value: 'at connect (http://127.0.0.1/app.js:10:5)', cut: true });
  });
  it('caps characters', () => {
    expect(trimStack(raw, 8, 10).value).toHaveLength(10);
  });
  it('ignores lines that are not frames (a forged stack)', () => {
    expect(trimStack('<script>alert(1)</script>\nnot a frame', 8, 2000)).toEqual({ value: '', cut: false });
    expect(trimStack('someone@example.com\nError: a@b', 8, 2000)).toEqual({ value: '', cut: false });
  });
  it("keeps Firefox's frames (no first line, `name@url:line:col`), without the extension's", () => {
    const firefox = [
      'stack@moz-extension://abc/src/content/hook.iife.js:1:200',
      'E@<anonymous code>:1:7540',
      'connect@http://127.0.0.1/app.js:10:5',
      'async*main@http://127.0.0.1/app.js line 2 > eval:20:1',
      '@http://127.0.0.1/app.js:30:1',
      '',
    ].join('\n');
    expect(trimStack(firefox, 8, 2000)).toEqual({
      value:
        'connect@http://127.0.0.1/app.js:10:5\nasync*main@http://127.0.0.1/app.js line 2 > eval:20:1\n@http://127.0.0.1/app.js:30:1',
      cut: false,
    });
  });
});

describe('clampUrl', () => {
  it('keeps no part of a password the cut ended inside', () => {
    const url = clampUrl(`https://u:${'p'.repeat(5000)}@a.example/`);
    expect(url).not.toContain('ppp');
    expect(url).toBe('https://u@');
  });
  it('drops the password before cutting, so the rest of the URL fits', () => {
    expect(clampUrl(`https://u:pw@a.example/${'x'.repeat(2040)}`)).toHaveLength(PAGE_URL_CHARS);
  });
});

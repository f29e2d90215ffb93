/**
 * String clamps for untrusted text (the relay's validator, simulation reasons). Each reports whether it cut anything.
 */
import { stripPasswords } from './redact';
import { PAGE_URL_CHARS } from './limits';

export { PAGE_URL_CHARS };

/** Cuts a string to at most `max` UTF-8 bytes without splitting a code point. */
export function clampUtf8(s: string, max: number): { value: string; cut: boolean } {
  // Fast path: every UTF-16 unit is at most 3 bytes.
  if (s.length * 3 <= max) return { value: s, cut: false };
  let bytes = 0;
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i) as number;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > max) return { value: s.slice(0, i), cut: true };
    bytes += size;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return { value: s, cut: false };
}

export function clampChars(s: string, max: number): { value: string; cut: boolean } {
  if (s.length <= max) return { value: s, cut: false };
  // Do not leave a lone high surrogate at the end.
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { value: s.slice(0, end), cut: true };
}

/** A frame of Firefox's stacks: `name@url:line:col` (no name for top-level code; no first line). */
const GECKO_FRAME = /@.*:\d+:\d+$/;

/**
 * Keeps the page's frames of a stack, V8's (`at …` lines after an "Error" line) or Firefox's
 * (`name@url:line:col`): drops frames of the extension itself (the hook) and whatever is not a
 * frame, then keeps the first `frames` lines.
 */
export function trimStack(raw: string, frames: number, maxChars: number): { value: string; cut: boolean } {
  const lines = raw.split('\n');
  const kept: string[] = [];
  let cut = false;
  for (const line of lines) {
    const l = line.trim();
    if (!l.startsWith('at ') && !GECKO_FRAME.test(l)) continue;
    // Firefox shows a page the frames of an extension's code as `<anonymous code>`.
    if (l.includes('chrome-extension://') || l.includes('moz-extension://') || l.includes('@<anonymous code>'))
      continue;
    if (kept.length >= frames) {
      cut = true;
      break;
    }
    kept.push(l);
  }
  const joined = clampChars(kept.join('\n'), maxChars);
  return { value: joined.value, cut: cut || joined.cut };
}

/** A page-supplied URL as stored: no password, at most PAGE_URL_CHARS ('' for anything else). */
export function clampUrl(url: unknown): string {
  if (typeof url !== 'string') return '';
  const cut = url.length > PAGE_URL_CHARS * 2;
  return clampChars(stripPasswords(cut ? url.slice(0, PAGE_URL_CHARS * 2) : url, cut), PAGE_URL_CHARS).value;
}

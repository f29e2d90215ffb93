import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../protocol/messages';
import { sanitizeSettings } from './settings-store';

describe('sanitizeSettings: language', () => {
  it.each(['auto', 'en', 'ar', 'hi'] as const)('keeps %s', (language) => {
    expect(sanitizeSettings({ language }, DEFAULT_SETTINGS).language).toBe(language);
  });
  it.each([['fr'], ['AR'], [''], [1], [null], [{ toString: () => 'ar' }]])(
    'ignores %o and keeps the current language',
    (language) => {
      expect(sanitizeSettings({ language }, { ...DEFAULT_SETTINGS, language: 'hi' }).language).toBe('hi');
    },
  );
  it("defaults to the browser's language", () => {
    expect(sanitizeSettings(undefined, DEFAULT_SETTINGS).language).toBe('auto');
  });
});

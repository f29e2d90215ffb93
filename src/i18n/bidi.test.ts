import { describe, expect, it } from 'vitest';
import { detachedLtrTokens } from './bidi';

const LRM = '\u200E';
const RLM = '\u200F';

// Each case checked against the Unicode bidi algorithm (GNU FriBidi, paragraph right to left).
describe('detachedLtrTokens', () => {
  it.each<[string, string, string[]]>([
    ['a call before the end ("()close")', 'تمريرها إلى close().', ['close()']],
    ['a call before Arabic', 'استدعاء close() في الصفحة', ['close()']],
    ['a call kept whole by a mark', `تمريرها إلى close()${LRM}.`, []],
    ['URL schemes before Arabic ("//:https")', 'افتح المكافئ https:// لعنوان wss:// في علامة', ['https://', 'wss://']],
    ['URL schemes kept whole', `افتح المكافئ https://${LRM} لعنوان wss://${LRM} في علامة`, []],
    ['a parameter before Arabic ("=v")', 'معامل v= قديم', ['v=']],
    ['a parameter followed by its Latin value', '(encoding=json أو etf)', []],
    ['a parameter followed by digits', 'اتصل بـ v=10 فقط', []],
    ['a call with an argument (its brackets pair up)', 'من استدعاء close(1000) أو من الخادم', []],
    ['a right-to-left mark does not help', `إلى close()${RLM} في`, ['close()']],
    ['a call closing a left-to-right isolate', '\u2066close()\u2069 في', []],
  ])('%s', (_name, text, want) => {
    expect(detachedLtrTokens(text)).toEqual(want);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { catalogTranslator, setTranslator } from '../../i18n/translate';
import { localeCatalog } from '../../test-support/locale-catalog';
import { fieldErrorText } from './SimulateFields';

afterEach(() => setTranslator(catalogTranslator(localeCatalog('en'))));

const LIMIT_AR = 'بترميز UTF-8؛ ويسمح إطار الإغلاق بـ 123 بايتًا كحد أقصى.';

describe('fieldErrorText: a counted error in the grammar of the language', () => {
  it.each<[string, number, string]>([
    ['en', 1, 'The reason is 1 byte in UTF-8; a close frame allows at most 123.'],
    ['en', 124, 'The reason is 124 bytes in UTF-8; a close frame allows at most 123.'],
    ['ar', 0, `حجم السبب 0 بايت ${LIMIT_AR}`],
    ['ar', 1, `حجم السبب بايت واحد ${LIMIT_AR}`],
    ['ar', 2, `حجم السبب بايتان ${LIMIT_AR}`],
    ['ar', 103, `حجم السبب 103 بايتات ${LIMIT_AR}`],
    ['ar', 124, `حجم السبب 124 بايتًا ${LIMIT_AR}`],
    ['ar', 200, `حجم السبب 200 بايت ${LIMIT_AR}`],
    ['hi', 124, 'reason UTF-8 में 124 बाइट का है; क्लोज़ फ़्रेम में अधिकतम 123 की अनुमति है।'],
  ])('%s, %i bytes', (lang, bytes, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    expect(fieldErrorText({ id: 'panel_sim_err_reason', subs: [bytes], plural: true })).toBe(want);
  });

  it('reads an error that counts nothing as it is', () => {
    expect(fieldErrorText({ id: 'panel_sim_err_seconds', subs: [600] })).toBe('Enter whole seconds from 1 to 600.');
  });
});

import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogTranslator, setTranslator } from '../../i18n/translate';
import { localeCatalog } from '../../test-support/locale-catalog';
import { CatalogText } from './CatalogText';

afterEach(() => {
  cleanup();
  setTranslator(catalogTranslator(localeCatalog('en')));
});

const PATH = '$.connections[0].protocols';

describe('CatalogText: a plural family with a page string among its substitutions', () => {
  it.each<[string, number, string]>([
    ['en', 1, `Invalid recording: ${PATH} has more than 1 entry.`],
    ['en', 64, `Invalid recording: ${PATH} has more than 64 entries.`],
    ['ar', 0, `تسجيل غير صالح: يحتوي ${PATH} على أكثر من 0 عنصر.`],
    ['ar', 1, `تسجيل غير صالح: يحتوي ${PATH} على أكثر من عنصر واحد.`],
    ['ar', 2, `تسجيل غير صالح: يحتوي ${PATH} على أكثر من عنصرين.`],
    ['ar', 10, `تسجيل غير صالح: يحتوي ${PATH} على أكثر من 10 عناصر.`],
    ['ar', 64, `تسجيل غير صالح: يحتوي ${PATH} على أكثر من 64 عنصرًا.`],
    ['ar', 200000, `تسجيل غير صالح: يحتوي ${PATH} على أكثر من 200000 عنصر.`],
    ['hi', 64, `अमान्य रिकॉर्डिंग: ${PATH} में 64 से ज़्यादा एंट्रियाँ हैं।`],
  ])('%s, more than %i entries', (lang, bound, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    const text = { id: 'panel_import_err_too_many', subs: [String(bound), PATH], plural: true as const };
    const { container } = render(
      <p>
        <CatalogText text={text} />
      </p>,
    );
    expect(container.textContent).toBe(want);
    // The path is the file's string, shown as page text.
    expect(container.querySelector('bdi')?.textContent).toBe(PATH);
  });

  it.each<[string, number, string]>([
    ['en', 65536, `Invalid recording: ${PATH} is longer than 65536 characters.`],
    ['ar', 1, `تسجيل غير صالح: طول ${PATH} يتجاوز حرفًا واحدًا.`],
    ['ar', 3, `تسجيل غير صالح: طول ${PATH} يتجاوز 3 أحرف.`],
    ['ar', 65536, `تسجيل غير صالح: طول ${PATH} يتجاوز 65536 حرفًا.`],
    ['ar', 1024, `تسجيل غير صالح: طول ${PATH} يتجاوز 1024 حرفًا.`],
    ['ar', 1000, `تسجيل غير صالح: طول ${PATH} يتجاوز 1000 حرف.`],
  ])('%s, longer than %i characters', (lang, bound, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    const text = { id: 'panel_import_err_too_long', subs: [String(bound), PATH], plural: true as const };
    const { container } = render(
      <p>
        <CatalogText text={text} />
      </p>,
    );
    expect(container.textContent).toBe(want);
  });
});

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeCatalog, LOCALES_DIR } from '../test-support/locale-catalog';

// The stores refuse an upload whose listing texts are too long: the Chrome Web Store takes a manifest
// description of at most 132 characters and a name of at most 75 (addons.mozilla.org allows more), in
// every locale the extension ships.
describe.each(readdirSync(LOCALES_DIR))('%s store listing', (lang) => {
  const catalog = localeCatalog(lang);
  it('has a description of at most 132 characters and a name of at most 75', () => {
    expect([...(catalog.extDescription?.message ?? '')].length).toBeLessThanOrEqual(132);
    expect([...(catalog.extName?.message ?? '')].length).toBeLessThanOrEqual(75);
    expect(catalog.extDescription?.message).toBeTruthy();
  });
});

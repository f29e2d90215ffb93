import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeCatalog, LOCALES_DIR } from '../test-support/locale-catalog';

// An import refused for one bad field says so the same way in every case: "Invalid recording: …", then
// what is wrong. Errors about the whole file (not JSON, too large, another format or version) do not.
const WHOLE_FILE = new Set(['json', 'too_large', 'unreadable', 'format', 'version']);

describe.each(readdirSync(LOCALES_DIR))('%s import errors', (lang) => {
  const catalog = localeCatalog(lang);
  const message = catalog.panel_import_err_string?.message ?? '';
  const prefix = message.slice(0, message.indexOf(':') + 1);
  const fieldErrors = Object.entries(catalog).filter(
    ([id]) => id.startsWith('panel_import_err_') && !WHOLE_FILE.has(id.slice('panel_import_err_'.length)),
  );

  it('each error about one field begins as the others do', () => {
    expect(prefix.length).toBeGreaterThan(3);
    expect(fieldErrors.length).toBeGreaterThan(10);
    expect(fieldErrors.filter(([, m]) => !m.message.startsWith(prefix)).map(([id]) => id)).toEqual([]);
  });
});

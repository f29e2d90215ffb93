/** The English catalog's texts, as the extension shows them in an English browser: what tests assert against. */
import { readFileSync } from 'node:fs';
import { catalogTranslator, type CatalogEntry } from '../../../src/i18n/translate';

const catalog = JSON.parse(
  readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, CatalogEntry>;

export const t = catalogTranslator(catalog);

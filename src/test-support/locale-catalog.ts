/** Tests only: a shipped catalog (public/_locales/<lang>/messages.json), read as the extension ships it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogEntry } from '../i18n/translate';

export type Catalog = Record<string, CatalogEntry>;

export const LOCALES_DIR = join(__dirname, '../../public/_locales');

export const localeCatalogFile = (lang: string): string => join(LOCALES_DIR, lang, 'messages.json');

/** Throws for a language the extension does not ship. */
export const localeCatalog = (lang: string): Catalog =>
  JSON.parse(readFileSync(localeCatalogFile(lang), 'utf8')) as Catalog;

/** Whether the extension ships a catalog for `lang`. */
export const hasLocaleCatalog = (lang: string): boolean => existsSync(localeCatalogFile(lang));

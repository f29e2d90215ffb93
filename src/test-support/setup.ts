// Unit/component test setup: text comes from the real catalog, so a missing id fails the test.
import catalog from '../../public/_locales/en/messages.json';
import { catalogTranslator, setTranslator, type CatalogEntry } from '../i18n/translate';

setTranslator(catalogTranslator(catalog as Record<string, CatalogEntry>));

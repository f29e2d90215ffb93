/**
 * A catalog file (public/_locales/<lang>/messages.json) checked at the boundary:
 * it is read at run time, so a truncated or hand-broken file gets a clear error
 * naming what is wrong instead of blank text later.
 */
import type { CatalogEntry } from './translate';

export type Catalog = Record<string, CatalogEntry>;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function validateCatalog(data: unknown): Catalog {
  if (!isObject(data)) throw new Error('not a JSON object of messages');
  for (const [id, entry] of Object.entries(data)) {
    if (!isObject(entry) || typeof entry.message !== 'string') throw new Error(`"${id}" has no "message" string`);
    const ph = entry.placeholders;
    if (ph === undefined) continue;
    if (!isObject(ph)) throw new Error(`"${id}": "placeholders" is not an object`);
    for (const [name, p] of Object.entries(ph)) {
      if (!isObject(p) || typeof p.content !== 'string')
        throw new Error(`"${id}": placeholder "${name}" has no "content" string`);
    }
  }
  return data as Catalog;
}

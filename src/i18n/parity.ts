/**
 * What makes a translated catalog unusable beside English: a missing or extra
 * message, a placeholder that differs (name or the $n it stands for), a message
 * using a $NAME$ its entry does not define, or a different set of substitutions
 * ($1..$9) reaching the text, which would drop or repeat a delay, code or URL.
 */
import { PLURAL_CATEGORIES } from './plural';
import type { CatalogEntry } from './translate';

type Catalog = Record<string, CatalogEntry>;

/** Placeholder names are case-insensitive, as in chrome.i18n. */
const placeholder = (entry: CatalogEntry, name: string) =>
  Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name)?.[1];

const named = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());

/** The $n a message shows, directly or through its placeholders; undefined names are reported elsewhere. */
export function positionalUse(entry: CatalogEntry): string[] {
  const contents = named(entry.message).map((n) => placeholder(entry, n)?.content ?? '');
  const direct = entry.message.replace(/\$\$/g, '').replace(/\$[A-Za-z0-9_@]+\$/g, '');
  const refs = [direct, ...contents].flatMap((s) =>
    [...s.replace(/\$\$/g, '').matchAll(/\$(\d)/g)].map((m) => `$${m[1]}`),
  );
  return [...new Set(refs)].sort();
}

/** Problems of one catalog on its own: names used but not defined. */
export function selfProblems(catalog: Catalog): string[] {
  const out: string[] = [];
  for (const [id, entry] of Object.entries(catalog)) {
    for (const n of named(entry.message)) {
      if (!placeholder(entry, n)) out.push(`${id}: uses $${n.toUpperCase()}$, which it does not define`);
    }
  }
  return out;
}

export function parityProblems(en: Catalog, other: Catalog): string[] {
  const out = selfProblems(other);
  for (const id of Object.keys(en)) if (!(id in other)) out.push(`${id}: missing`);
  for (const id of Object.keys(other)) if (!(id in en)) out.push(`${id}: not in English`);
  for (const [id, ref] of Object.entries(en)) {
    const entry = other[id];
    if (!entry) continue;
    const want = Object.entries(ref.placeholders ?? {})
      .map(([n, p]) => `${n.toLowerCase()}=${p.content}`)
      .sort();
    const got = Object.entries(entry.placeholders ?? {})
      .map(([n, p]) => `${n.toLowerCase()}=${p.content}`)
      .sort();
    if (want.join() !== got.join())
      out.push(`${id}: placeholders ${got.join(', ') || 'none'} differ from English's ${want.join(', ') || 'none'}`);
    const wantUse = positionalUse(ref).join(' ');
    const gotUse = positionalUse(entry).join(' ');
    // A plural family's zero, one or two may say its count in a word ("حلقتان", two episodes): only that
    // count, $1 (plural.ts), may be left out.
    const family = /^(.+)_(zero|one|two)$/.exec(id)?.[1];
    const countInWords =
      family !== undefined &&
      PLURAL_CATEGORIES.every((c) => `${family}_${c}` in en) &&
      wantUse.startsWith('$1') &&
      wantUse.replace(/^\$1 ?/, '') === gotUse;
    if (wantUse !== gotUse && !countInWords)
      out.push(`${id}: shows ${gotUse || 'no substitution'}, English shows ${wantUse || 'none'}`);
  }
  return out;
}

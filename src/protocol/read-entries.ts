/**
 * The entries of an imported file's lists (connections, marks), read one by one, so that one entry that
 * fails its checks costs that entry, not the file: a recording a later or edited build wrote, with one
 * odd value in one of 10,000 connections, still shows the other 9,999. Whether a bad entry refuses the
 * whole list or is left out is the caller's (`BadEntry`); either way it is named where it is in the file.
 */
import { DecodeError, fail, UNNAMED, type Decoder } from './decode';

/** An i18n message id and its substitutions (the shape of analysis' I18nText). */
export interface ImportError {
  id: string;
  subs?: string[];
  /** `id` names a plural family (src/i18n/plural.ts) and subs[0] is its count. */
  plural?: true;
}

/**
 * A field's failure as the catalog says it: the path first, then what was wrong. A bound that counts
 * ("more than 64 entries") is a plural family's count, so it comes first and the path after it.
 */
export function fieldError(e: DecodeError): ImportError {
  const id = `panel_import_err_${e.kind}`;
  if (e.kind !== 'too_long' && e.kind !== 'too_many') return { id, subs: e.subs };
  const [path = '', bound = ''] = e.subs;
  return { id, subs: [bound, path], plural: true };
}

/** Told of each entry that failed; it throws to refuse the file, or returns to leave the entry out. */
export type BadEntry = (error: ImportError) => void;

/**
 * The entries of list `v` at `path`, each decoded by `item` and then checked by `check` (which returns
 * why an entry cannot be kept, given its index in the file and the list's path there). `named` is the
 * list's path for messages when `path` is UNNAMED (the fast pass that builds no paths). The list itself
 * must be an array within `max` entries, or the file is refused. Returns `v` itself when every entry was
 * kept as it was parsed.
 */
export function readEntries<T>(
  v: unknown,
  path: string,
  named: string,
  max: number,
  item: Decoder<T>,
  check: (entry: T, index: number, named: string) => ImportError | undefined,
  bad: BadEntry,
): T[] {
  if (!Array.isArray(v)) fail('array', path, 'not an array');
  if (v.length > max) fail('too_many', path, `more than ${max} items`, [max]);
  const out: T[] = [];
  let same = true;
  for (let i = 0; i < v.length; i++) {
    let entry: T;
    try {
      entry = item(v[i], path === UNNAMED ? path : `${named}[${i}]`);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      bad(fieldError(path === UNNAMED ? withPath(item, v[i], `${named}[${i}]`) : e));
      same = false;
      continue;
    }
    const why = check(entry, i, named);
    if (why) {
      bad(why);
      same = false;
      continue;
    }
    if (entry !== v[i]) same = false;
    out.push(entry);
  }
  return same ? (v as T[]) : out;
}

/** The entry's error again, with the paths the fast pass left out. */
function withPath<T>(item: Decoder<T>, v: unknown, where: string): DecodeError {
  try {
    item(v, where);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  // A decoder that failed without a path must fail with one: anything else is a bug, not the file's.
  throw new Error(`${where}: failed only when unnamed`);
}

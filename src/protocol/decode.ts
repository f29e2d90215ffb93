/**
 * The decoder toolkit for everything untrusted: hook events at the relay and again in
 * the background, relay messages, simulation commands, view requests, settings, and
 * imported files. A decoder takes a value and the path it was found at and returns a
 * fresh, typed value built only from known fields, or throws a DecodeError that names
 * the field and what was wrong with it. Bounds come from limits.ts.
 */
import { clampChars, clampUtf8 } from './clamp';

/** What was wrong, as the suffix of the import catalog's ids (panel_import_err_<kind>). */
export type DecodeKind =
  | 'string'
  | 'too_long'
  | 'integer'
  | 'number'
  | 'time'
  | 'boolean'
  | 'enum'
  | 'array'
  | 'too_many'
  | 'object'
  | 'hex'
  /** A field allowed only beside another field's value (subs: the path, the other field's path, that value). */
  | 'only_with'
  | 'invalid';

export class DecodeError extends Error {
  constructor(
    readonly kind: DecodeKind,
    /** Where: `$.connections[3].events[0].type`, `counters.sentSize`, `settings.recentMinutes`. */
    readonly path: string,
    /** The path first, then the bound or the allowed values. */
    readonly subs: string[],
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'DecodeError';
  }
}

export type Decoder<T> = (v: unknown, path: string) => T;
export type Obj = Record<string, unknown>;

export function fail(kind: DecodeKind, path: string, detail: string, subs: (string | number)[] = []): never {
  throw new DecodeError(kind, path, [path, ...subs.map(String)], detail);
}

/** A string of at most `max` UTF-16 units; longer is an error. */
export const str =
  (max: number): Decoder<string> =>
  (v, path) => {
    if (typeof v !== 'string') fail('string', path, 'not a string');
    if (v.length > max) fail('too_long', path, `longer than ${max}`, [max]);
    return v;
  };

/**
 * A string cut to `max` (UTF-16 units, or UTF-8 bytes without splitting a code point);
 * `onCut` hears of every cut, so the user can be told.
 */
export const clamped =
  (max: number, unit: 'chars' | 'bytes', onCut: (path: string) => void): Decoder<string> =>
  (v, path) => {
    if (typeof v !== 'string') fail('string', path, 'not a string');
    const r = unit === 'bytes' ? clampUtf8(v, max) : clampChars(v, max);
    if (r.cut) onCut(path);
    return r.value;
  };

export const int =
  (min: number, max: number): Decoder<number> =>
  (v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      fail('integer', path, `not an integer in ${min}..${max}`, [min, max]);
    return v;
  };

/** A finite number (any magnitude). */
export const finite: Decoder<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail('number', path, 'not a finite number');
  return v;
};

/** A time in epoch milliseconds within [min, max]; `label` says the bound to the user (a year). */
export const timeIn =
  (min: number, max: number, label: string): Decoder<number> =>
  (v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      fail('time', path, `not a time before ${label}`, [label]);
    return v;
  };

export const bool: Decoder<boolean> = (v, path) => {
  if (typeof v !== 'boolean') fail('boolean', path, 'not a boolean');
  return v;
};

export const oneOf =
  <T extends string>(values: readonly T[]): Decoder<T> =>
  (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
      fail('enum', path, `not one of ${values.join(', ')}`, [values.join(', ')]);
    return v as T;
  };

/** An array of at most `max` items; more is an error. */
export const arr =
  <T>(item: Decoder<T>, max: number): Decoder<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) fail('array', path, 'not an array');
    if (v.length > max) fail('too_many', path, `more than ${max} items`, [max]);
    // A loop rather than map (no closure per array); a hole stays a hole, as map leaves it.
    const n = v.length;
    const out: T[] = [];
    for (let i = 0; i < n; i++) {
      if (i in v) out[i] = item(v[i], path === UNNAMED ? path : `${path}[${i}]`);
      else out.length = i + 1;
    }
    return out;
  };

/** A plain object (not null, not an array). */
export const obj: Decoder<Obj> = (v, path) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('object', path, 'not an object');
  return v as Obj;
};

/**
 * A root path that names nothing, for a first pass over a large input: joining a key or an index to it
 * gives it back, so no path string is built per field. A failure under it says only that something
 * failed; the caller decodes again from a named root to learn where (decoding is pure, so the second
 * pass fails at the same field).
 */
export const UNNAMED = '\u0000';

/** Joins a path and a key: `$` + `url` → `$.url`; an empty path gives the bare key. */
export const at = (path: string, key: string): string =>
  path === UNNAMED ? path : path === '' ? key : `${path}.${key}`;

export const req = <T>(o: Obj, key: string, d: Decoder<T>, path: string): T => d(o[key], at(path, key));

export const opt = <T>(o: Obj, key: string, d: Decoder<T>, path: string): T | undefined =>
  o[key] === undefined ? undefined : d(o[key], at(path, key));

/**
 * Drops the optional fields that are absent, so absent stays absent. The kept fields are copied, in
 * order, into a fresh object rather than deleted from this one: a `delete` turns an object into a slow
 * hash table, and every later read of a decoded connection would pay for it.
 */
export function defined<T extends object>(o: T): T {
  const rec = o as Obj;
  const keys = Object.keys(rec);
  let absent = false;
  for (const k of keys) if (rec[k] === undefined) absent = true;
  if (!absent) return o;
  const out: Obj = {};
  for (const k of keys) if (rec[k] !== undefined) out[k] = rec[k];
  return out as T;
}

/** A predicate as a decoder; `detail` says what the value should have been. */
export const check =
  <T>(ok: (v: unknown) => v is T, detail: string): Decoder<T> =>
  (v, path) => {
    if (!ok(v)) fail('invalid', path, detail);
    return v;
  };

/** Decodes, or returns undefined (for "keep the current value" and "count and drop" callers). */
export function attempt<T>(d: Decoder<T>, v: unknown, path = '$'): T | undefined {
  try {
    return d(v, path);
  } catch (e) {
    if (e instanceof DecodeError) return undefined;
    throw e;
  }
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: DecodeError };

/**
 * Decodes without throwing: the error says which field failed. Anything else thrown (a stack overflow) is a failure at
 * `path`.
 */
export function decode<T>(d: Decoder<T>, v: unknown, path = '$'): Decoded<T> {
  try {
    return { ok: true, value: d(v, path) };
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: e };
    return { ok: false, error: new DecodeError('invalid', path, [path], 'unreadable') };
  }
}

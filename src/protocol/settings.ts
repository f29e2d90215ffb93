/**
 * Settings from untrusted places (a view's patch, storage.local that anything with
 * the extension's rights may have written): each known field is decoded on its own,
 * and a field that fails keeps its current value, so one bad field costs nothing else.
 */
import { sanitizeCaptureMap } from './capture-policy';
import { arr, attempt, bool, check, fail, int, type Decoder } from './decode';
import { SETTINGS_LIMITS } from './limits';
import { isLanguageSetting, type Settings } from './messages';

const profileId = check(
  (x): x is string => typeof x === 'string' && SETTINGS_LIMITS.profileId.test(x),
  'not a profile id',
);
const host = check(
  (x): x is string => typeof x === 'string' && x.length <= SETTINGS_LIMITS.hostChars,
  'not a host name',
);
const captureMap: Decoder<Record<string, boolean>> = (v, path) => {
  const map = sanitizeCaptureMap(v);
  return map ?? fail('object', path, 'not a map of sites to booleans');
};

/** One decoder per field; `pausedSites` keeps each site once. */
const FIELDS: { [K in keyof Settings]: Decoder<Settings[K]> } = {
  preserveLog: bool,
  profileId,
  recentMinutes: int(1, SETTINGS_LIMITS.recentMinutesMax),
  redactQuery: bool,
  pausedSites: (v, p) => [...new Set(arr(host, SETTINGS_LIMITS.sites)(v, p))],
  contentCapture: captureMap,
  exportContent: bool,
  language: check(isLanguageSetting, 'not a language'),
};

/** Accepts only known keys with the right types; anything else keeps its current value. */
export function sanitizeSettings(patch: unknown, base: Settings): Settings {
  const p = (typeof patch === 'object' && patch !== null ? patch : {}) as Record<string, unknown>;
  const next: Settings = { ...base };
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    const value = attempt(FIELDS[key] as Decoder<unknown>, p[key], `settings.${key}`);
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}

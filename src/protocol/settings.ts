/**
 * Settings from untrusted places (a view's patch, storage.local that anything with
 * the extension's rights may have written): each known field is decoded on its own,
 * and a field that fails keeps its current value, so one bad field costs nothing else.
 */
import { isKeptChoice, sanitizeCaptureMap } from './capture-policy';
import { attempt, bool, check, fail, int, type Decoder } from './decode';
import { SETTINGS_LIMITS } from './limits';
import { isLanguageSetting, type Settings } from './messages';

const profileId = check(
  (x): x is string => typeof x === 'string' && SETTINGS_LIMITS.profileId.test(x),
  'not a profile id',
);
/**
 * A paused site as a page's host name reads: never empty (that matched every file:, data: and about: page, where
 * the popup offers no switch to resume), and in lower case (as URL parsing gives it; one in capitals matched none).
 */
const isHost = (x: unknown): x is string =>
  typeof x === 'string' && x.length > 0 && x.length <= SETTINGS_LIMITS.hostChars;
const captureMap: Decoder<Record<string, boolean>> = (v, path) => {
  const map = sanitizeCaptureMap(v);
  return map ?? fail('object', path, 'not a map of sites to booleans');
};

/** The distinct host names of a list, and how many of its entries are none. */
function hostsOf(list: unknown[]): { sites: Set<string>; bad: number } {
  const sites = new Set<string>();
  let bad = 0;
  // A hole reads as undefined: counted like any other entry that is no host name.
  for (const x of list) {
    if (isHost(x)) sites.add(x.toLowerCase());
    else bad++;
  }
  return { sites, bad };
}

/**
 * The paused sites, each once, read entry by entry: an entry that is no host name (a bug, an older
 * build, anything with the extension's rights writing storage.local) is left out and counted, rather
 * than costing every site the user paused. Past the limit the rest are left out and counted too: a
 * view's patch that goes past it is refused before this (`tooManyPausedSites`), so only a hand-written
 * store gets here with more. A value that is no list keeps the current sites.
 */
const pausedSites: FieldDecoder<string[]> = (v, path, dropped) => {
  if (!Array.isArray(v)) fail('array', path, 'not an array');
  const { sites, bad } = hostsOf(v);
  const kept = [...sites].slice(0, SETTINGS_LIMITS.sites);
  if (bad + sites.size - kept.length > 0) dropped(bad + sites.size - kept.length);
  return kept;
};

/** Whether a view's patch pauses more sites than are kept: refused with a reason, never cut short unsaid. */
export function tooManyPausedSites(patch: unknown): boolean {
  const v = typeof patch === 'object' && patch !== null ? (patch as { pausedSites?: unknown }).pausedSites : undefined;
  return Array.isArray(v) && hostsOf(v).sites.size > SETTINGS_LIMITS.sites;
}

/**
 * Whether a view's patch keeps message-content choices for more sites than are kept: refused with a
 * reason, like paused sites, rather than stored without the newest choice (the box would just flip back).
 */
export function tooManyCaptureSites(patch: unknown): boolean {
  const v =
    typeof patch === 'object' && patch !== null ? (patch as { contentCapture?: unknown }).contentCapture : undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  // Counted as they are kept (sanitizeCaptureMap).
  let n = 0;
  for (const [host, on] of Object.entries(v)) if (isKeptChoice(host, on)) n++;
  return n > SETTINGS_LIMITS.sites;
}

/** A field's decoder; `dropped` counts the entries of a list left out while the rest is kept. */
type FieldDecoder<T> = (v: unknown, path: string, dropped: (count: number) => void) => T;

/** One decoder per field; `pausedSites` keeps each site once. */
const FIELDS: { [K in keyof Settings]: FieldDecoder<Settings[K]> | Decoder<Settings[K]> } = {
  preserveLog: bool,
  profileId,
  recentMinutes: int(1, SETTINGS_LIMITS.recentMinutesMax),
  redactQuery: bool,
  pausedSites,
  contentCapture: captureMap,
  exportContent: bool,
  language: check(isLanguageSetting, 'not a language'),
};

/**
 * Accepts only known keys with the right types; anything else keeps its current value. `dropped` hears of
 * the entries a list field left out (the rest of the list is kept).
 */
export function sanitizeSettings(
  patch: unknown,
  base: Settings,
  dropped?: (field: keyof Settings, count: number) => void,
): Settings {
  const p = (typeof patch === 'object' && patch !== null ? patch : {}) as Record<string, unknown>;
  const next: Settings = { ...base };
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    const field = FIELDS[key] as FieldDecoder<unknown>;
    const value = attempt((v, path) => field(v, path, (n) => dropped?.(key, n)), p[key], `settings.${key}`);
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}

/** The paused sites and message-content choices as one comparable text (order does not count). */
const siteChoicesOf = (s: Settings) =>
  JSON.stringify([[...s.pausedSites].sort(), Object.entries(s.contentCapture).sort(([a], [b]) => (a < b ? -1 : 1))]);

/**
 * Whether a view's patch would change a choice kept per site (a paused site, a site's message content). Those
 * name the site and are stored with the settings, on disk: one made from a private tab would outlast the
 * private session (the background refuses it there; docs/ARCHITECTURE.md, "Private browsing").
 */
export function changesSiteChoices(patch: unknown, current: Settings): boolean {
  return siteChoicesOf(sanitizeSettings(patch, current)) !== siteChoicesOf(current);
}

/**
 * Whether the last messages' content is kept for a site. Message content can
 * carry personal data and tokens, so it is kept by default only on hosts that
 * are local development servers: localhost, 127.0.0.1, [::1] and the reserved
 * .test domain. Everywhere else it is off until the user turns it on for that
 * site (popup or panel). Pure: used by the relay, the background and the UI.
 */
import type { Settings } from './messages';
import { SETTINGS_LIMITS } from './limits';

/** The host part of a URL, or '' when it has none. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The site whose content choice applies to a document. A document whose URL names no host (about:blank
 * written into by its parent, about:srcdoc, a blob: URL) runs with the origin of the page that made it,
 * and its sockets are that page's: they take its choice. An opaque origin (a sandboxed frame, data:) is
 * no site's, and keeps no content.
 */
export function contentSiteOf(url: string, origin: string | undefined): string {
  return siteOf(url) || (origin === undefined ? '' : siteOf(origin));
}

export function isLocalDevHost(host: string): boolean {
  const h = host.toLowerCase();
  return (
    h === 'localhost' || h === '127.0.0.1' || h === '[::1]' || h === '::1' || (h.endsWith('.test') && h.length > 5)
  );
}

export function captureContentFor(host: string, settings: Pick<Settings, 'contentCapture'>): boolean {
  if (host === '') return false;
  const choice = Object.prototype.hasOwnProperty.call(settings.contentCapture, host)
    ? settings.contentCapture[host]
    : undefined;
  return typeof choice === 'boolean' ? choice : isLocalDevHost(host);
}

/** Sites with a stored choice; more are ignored (a hand-edited store cannot grow without bound). */
export const MAX_CAPTURE_SITES = SETTINGS_LIMITS.sites;

/**
 * Whether a stored pair is a choice worth a place: a host name and a boolean that is not the site's
 * default (older builds stored those). Choices are kept for a limited number of sites, and one that
 * changes nothing must not hold a place.
 */
export const isKeptChoice = (host: string, on: unknown): on is boolean =>
  typeof on === 'boolean' &&
  host.length > 0 &&
  host.length <= SETTINGS_LIMITS.hostChars &&
  host !== '__proto__' &&
  on !== isLocalDevHost(host);

/** Keeps only the choices worth a place (`isKeptChoice`) from an untrusted stored value; anything else is dropped. */
export function sanitizeCaptureMap(x: unknown): Record<string, boolean> | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  const out: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  let n = 0;
  for (const [host, on] of Object.entries(x)) {
    if (n >= MAX_CAPTURE_SITES) break;
    if (!isKeptChoice(host, on)) continue;
    out[host] = on;
    n++;
  }
  return { ...out };
}

/**
 * Splits a socket URL into the parts linking needs, with string work only:
 * recorded URLs may be truncated or odd, and `new URL` would throw on them.
 */
export interface UrlParts {
  /** Lower-cased host (with port). '' when the URL has no authority. */
  host: string;
  /** Path, '/' when empty. */
  path: string;
  /** URL without query and fragment, host lower-cased. */
  base: string;
}

const AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*:)\/\/([^/?#]*)([^?#]*)/;

export function urlParts(url: string): UrlParts {
  const m = AUTHORITY.exec(url);
  if (!m) {
    const cut = url.search(/[?#]/);
    const base = cut < 0 ? url : url.slice(0, cut);
    return { host: '', path: base, base };
  }
  const scheme = (m[1] ?? '').toLowerCase();
  const host = (m[2] ?? '').toLowerCase();
  const path = m[3] || '/';
  return { host, path, base: `${scheme}//${host}${path}` };
}

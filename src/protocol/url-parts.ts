/**
 * Splits a socket URL into the parts linking needs, with string work only:
 * recorded URLs may be truncated or odd, and `new URL` would throw on them.
 */
import { textMemo } from './text-memo';

export interface UrlParts {
  /** Lower-cased host (with port). '' when the URL has no authority. */
  readonly host: string;
  /** Path, '/' when empty. */
  readonly path: string;
  /** URL without query and fragment, host lower-cased. */
  readonly base: string;
}

const AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*:)\/\/([^/?#]*)([^?#]*)/;

/**
 * A recording repeats its URLs (every reconnect attempt, every socket of a frame), and an import cuts
 * each connection's URL twice (linking, then presenting): 10,000 cuts of a few hundred URLs. So cuts
 * are remembered for at most 512 URLs of up to 2,048 characters; parts are never changed by their
 * readers (readonly, and frozen), so sharing them is safe.
 */
export const urlParts: (url: string) => UrlParts = textMemo((url) => Object.freeze(cut(url)), 512, 2048);

function cut(url: string): UrlParts {
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

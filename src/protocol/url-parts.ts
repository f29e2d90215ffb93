/**
 * Splits a socket URL into the parts linking needs, with string work only:
 * recorded URLs may be truncated or odd, and `new URL` would throw on them.
 */
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
 * The parts of recently cut URLs. A recording repeats its URLs (every reconnect attempt, every socket
 * of a frame), and an import cuts each connection's URL twice (linking, then presenting): 10,000 cuts
 * of a few hundred URLs. Cleared when full, so it holds at most MEMO_SIZE short URLs; parts are never
 * changed by their readers (readonly, and frozen), so sharing them is safe.
 */
const recent = new Map<string, UrlParts>();
const MEMO_SIZE = 512;
const MEMO_MAX_CHARS = 2048;

export function urlParts(url: string): UrlParts {
  if (url.length > MEMO_MAX_CHARS) return cut(url);
  let parts = recent.get(url);
  if (parts === undefined) {
    if (recent.size >= MEMO_SIZE) recent.clear();
    recent.set(url, (parts = Object.freeze(cut(url))));
  }
  return parts;
}

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

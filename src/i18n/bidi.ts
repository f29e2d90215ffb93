/**
 * Code-like Latin tokens inside right-to-left text. In a right-to-left paragraph the Unicode
 * bidi algorithm gives the neutral characters between a Latin token and the right-to-left text
 * after it (or the paragraph's end) the paragraph's direction, so punctuation that belongs to the
 * token moves to its other side: "close()" shows as "()close", "https://" as "//:https", "v=" as
 * "=v". A left-to-right mark (U+200E) right after the token keeps it whole.
 */

/** A Latin token ending in punctuation of its own: a call's "()", a URL scheme's "://", a parameter's "=". */
const TOKEN = /[A-Za-z][\w.-]*(?:\(\)|:\/\/|=)/g;

/** The first character after a token that decides its trailing punctuation's direction. */
const DECIDING = /[A-Za-z0-9\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u2066-\u2069]/;

/** Right-to-left letters and the right-to-left mark. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F]/;

/**
 * The tokens of a right-to-left message whose own trailing punctuation would be shown on the wrong
 * side: those followed, before any Latin letter, digit, left-to-right mark or isolate, by
 * right-to-left text or the end of the text.
 */
export function detachedLtrTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const next = DECIDING.exec(text.slice(m.index + m[0].length))?.[0];
    if (next === undefined || RTL.test(next)) out.push(m[0]);
  }
  return out;
}

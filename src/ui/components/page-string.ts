/**
 * Page-supplied text where only a plain string can go (the timeline's canvas,
 * native tooltips, <option> text, screen-reader lines): the same rule as the
 * PageText component, in characters. Bidi controls inside the page's text are
 * shown as their code points, so none is left to close the isolate early or
 * reorder what follows, and the text is wrapped in an isolate (LRI…PDI for URLs
 * and hosts, FSI…PDI for free text), the plain-text counterpart of <bdi>.
 */

/** Bidi embedding, override, isolate and mark characters. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The same, global: for replace() and matchAll(), which start from the regex's lastIndex (always 0 here). */
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

/**
 * In technical text (URLs, hosts, stack frames, protocol tokens) every character that shows nothing:
 * format characters (the bidi controls above, zero-width space and joiners, word joiner, soft hyphen,
 * byte order mark, tags), control characters, line and paragraph separators, and the Hangul fillers
 * that render as blank. A browser never leaves one raw in a URL it made (it percent-encodes them), so
 * one there comes from a forged or hand-edited file, and hidden it could make one host read as another.
 * Free text (a close reason) keeps all but the bidi controls: a zero-width joiner or non-joiner is part
 * of how Hindi, Persian and emoji are spelled.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/u;
const INVISIBLES = new RegExp(INVISIBLE.source, 'gu');

export type PageDir = 'ltr' | 'auto';

/** What is shown as code points in text of this direction ("ltr": technical text; "auto": free text). Global. */
export function shownAsCodePoints(dir: PageDir): RegExp {
  return dir === 'ltr' ? INVISIBLES : BIDI_CONTROLS;
}

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

/** Whether `text` holds a character that visibleControls would show as its code point. */
export function hasHidden(text: string, dir: PageDir = 'ltr'): boolean {
  return (dir === 'ltr' ? INVISIBLE : BIDI_CONTROL).test(text);
}

/** A character's name as shown: "U+202E". */
export function controlLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Such characters replaced by their names in brackets (plain text has no badge to set them apart). */
export function visibleControls(text: string, dir: PageDir = 'ltr'): string {
  return hasHidden(text, dir) ? text.replace(shownAsCodePoints(dir), (ch) => `[${controlLabel(ch)}]`) : text;
}

/** Wraps text that is already free of controls (see visibleControls) in an isolate. */
export function isolateShown(shown: string, dir: PageDir = 'ltr'): string {
  return (dir === 'ltr' ? LRI : FSI) + shown + PDI;
}

/** Page text as an isolated plain string: "ltr" for URLs and hosts, "auto" for free text such as reasons. */
export function isolatePage(text: string, dir: PageDir = 'ltr'): string {
  return isolateShown(visibleControls(text, dir), dir);
}

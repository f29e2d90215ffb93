/**
 * Page-supplied text where only a plain string can go (the timeline's canvas,
 * native tooltips, <option> text, screen-reader lines): the same rule as the
 * PageText component, in characters. Bidi controls inside the page's text are
 * shown as their code points, so none is left to close the isolate early or
 * reorder what follows, and the text is wrapped in an isolate (LRI…PDI for URLs
 * and hosts, FSI…PDI for free text), the plain-text counterpart of <bdi>.
 */

/** Bidi embedding, override, isolate and mark characters. */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The same, global: for replace() and matchAll(), which start from the regex's lastIndex (always 0 here). */
export const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** A control character's name as shown: "U+202E". */
export function controlLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Controls replaced by their names in brackets (plain text has no badge to set them apart). */
export function visibleControls(text: string): string {
  return hasBidiControls(text) ? text.replace(BIDI_CONTROLS, (ch) => `[${controlLabel(ch)}]`) : text;
}

/** Wraps text that is already free of controls (see visibleControls) in an isolate. */
export function isolateShown(shown: string, dir: 'ltr' | 'auto' = 'ltr'): string {
  return (dir === 'ltr' ? LRI : FSI) + shown + PDI;
}

/** Page text as an isolated plain string: "ltr" for URLs and hosts, "auto" for free text such as reasons. */
export function isolatePage(text: string, dir: 'ltr' | 'auto' = 'ltr'): string {
  return isolateShown(visibleControls(text), dir);
}

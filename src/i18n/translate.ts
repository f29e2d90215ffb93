/**
 * The single entry to the i18n catalog (public/_locales/<lang>/messages.json).
 * Components call t(id, subs); they never hold literal text. The translator is
 * injected by each entry (browser.i18n.getMessage in the extension, the catalog
 * file in tests), so UI code stays free of browser APIs.
 */
export type Translator = (id: string, subs?: string[]) => string;

let translator: Translator = (id) => id;
let intlLocale = 'en';
let isolateSubs = false;

export interface LocaleOptions {
  /** BCP 47 locale for Intl number and time formatting. */
  intlLocale?: string;
  /**
   * Wrap each substitution in Unicode isolates (FSI…PDI, the plain-text <bdi>), so a URL,
   * a delay or a close reason in any script keeps its own direction inside an RTL sentence.
   */
  isolate?: boolean;
}

let translatorVersion = 0;

export function setTranslator(next: Translator, options: LocaleOptions = {}): void {
  translator = next;
  translatorVersion++;
  intlLocale = options.intlLocale ?? 'en';
  isolateSubs = options.isolate ?? false;
  plainNumbers = new Intl.NumberFormat(intlLocale, { useGrouping: false, maximumFractionDigits: 6 });
}

/** Changes with every setTranslator: what was translated before may read differently now (caches key on it). */
export function currentTranslatorVersion(): number {
  return translatorVersion;
}

/** The locale numbers, durations and times are formatted with. */
export function currentIntlLocale(): string {
  return intlLocale;
}

const FSI = '\u2068';
const PDI = '\u2069';

let plainNumbers = new Intl.NumberFormat('en', { useGrouping: false, maximumFractionDigits: 6 });

/** Number substitutions (counts, codes, minutes) come out in the locale's digits; strings as given. */
export function t(id: string, subs?: (string | number)[]): string {
  const strings = subs?.map((s) => (typeof s === 'number' ? plainNumbers.format(s) : s));
  return translator(id, isolateSubs ? strings?.map((s) => (s ? FSI + s + PDI : s)) : strings);
}

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/**
 * The same substitution rules as chrome.i18n.getMessage: $1..$9 from subs,
 * $name$ placeholders resolved through their content, $$ for a literal $.
 * Substituted text is inserted as given, never scanned again: a close reason or
 * URL that contains "$1" or "$$" reads as the page sent it.
 * Unknown ids throw, so a test fails when a component uses an id the catalog lacks.
 */
export function catalogTranslator(catalog: Record<string, CatalogEntry>): Translator {
  // Each message is parsed once: the panel translates the same few ids for every row it draws.
  const templates = new Map<string, Template>();
  return (id, subs = []) => {
    let template = templates.get(id);
    if (!template) {
      const entry = catalog[id];
      if (!entry) throw new Error(`i18n: no message "${id}" in the catalog`);
      template = compile(entry);
      templates.set(id, template);
    }
    if (typeof template === 'string') return template;
    let out = '';
    for (const part of template) out += typeof part === 'string' ? part : (subs[part] ?? '');
    return out;
  };
}

/** Literal text, and the 0-based index of each substitution between; a message without one is its text. */
type Template = string | (string | number)[];

function compile(entry: CatalogEntry): Template {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
    // Names are case-insensitive in the message and in the placeholders object alike.
    const ph = Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    return ph ? ph.content : m;
  });
  const parts: (string | number)[] = [];
  let literal = '';
  let from = 0;
  for (const m of named.matchAll(/\$\$|\$(\d)/g)) {
    literal += named.slice(from, m.index);
    from = m.index + m[0].length;
    if (m[1] === undefined) literal += '$';
    else {
      parts.push(literal, Number(m[1]) - 1);
      literal = '';
    }
  }
  literal += named.slice(from);
  if (parts.length === 0) return literal;
  parts.push(literal);
  return parts;
}

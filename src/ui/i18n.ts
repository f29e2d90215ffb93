/**
 * The UI's single entry to the i18n catalog (public/_locales/<lang>/messages.json).
 * Components call t(id, subs); they never hold literal text. The translator is
 * injected by each entry (browser.i18n.getMessage in the extension, the catalog
 * file in tests), so UI code stays free of browser APIs.
 */
export type Translator = (id: string, subs?: string[]) => string;

let translator: Translator = (id) => id;

export function setTranslator(next: Translator): void {
  translator = next;
}

export function t(id: string, subs?: (string | number)[]): string {
  return translator(id, subs?.map(String));
}

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/**
 * The same substitution rules as chrome.i18n.getMessage: $1..$9 from subs,
 * $name$ placeholders resolved through their content, $$ for a literal $.
 * Unknown ids throw, so a test fails when a component uses an id the catalog lacks.
 */
export function catalogTranslator(catalog: Record<string, CatalogEntry>): Translator {
  return (id, subs = []) => {
    const entry = catalog[id];
    if (!entry) throw new Error(`i18n: no message "${id}" in the catalog`);
    const sub = (s: string) => s.replace(/\$\$|\$(\d)/g, (m, d?: string) => (d ? (subs[Number(d) - 1] ?? '') : m));
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()];
      return ph ? sub(ph.content) : m;
    });
    return sub(named).replace(/\$\$/g, '$');
  };
}
